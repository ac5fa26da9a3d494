/**
 * Caps on what one published file may cost. A hostile or broken file hits a cap and becomes one finding;
 * it never exhausts memory or time, and the rest of a folder is still checked.
 */

/** Files over this are not opened at all: `report-too-large`. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** All the inflated parts of a DOCX together (a zip bomb inflates far past this). */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** XML element nesting in a DOCX part or an HTML page; real documents stay well under 100. */
export const MAX_NESTING = 512;
/** A report is a few dozen pages; thousands are a hostile or wrong file. */
export const MAX_PAGES = 1000;
/** A page side in points (200 inches, PDF's own limit for Acrobat). */
export const MAX_PAGE_SIDE = 14400;
/** Text items and drawing operations per page. */
export const MAX_ITEMS_PER_PAGE = 200_000;
/** Wall-clock time for converting one file, enforced by running the converter in its own process. */
export const CONVERT_TIMEOUT_MS = 30_000;
/** Memory of that process (V8 old space, MB). */
export const CONVERT_MEMORY_MB = 768;
