/**
 * The layout readers, in order of preference: on equal confidence the earlier one wins. Adding a layout
 * is one reader file, one line here and its fixtures.
 */
import { rowsReader } from './rows';
import { wrappedReader } from './wrapped';
import { readingOrderReader } from './reading-order';
import type { LayoutReader } from './types';

export const LAYOUT_READERS: readonly LayoutReader[] = [rowsReader, wrappedReader, readingOrderReader];

export type { LayoutReader, Region, TableReading } from './types';
