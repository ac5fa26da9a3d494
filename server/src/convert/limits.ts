/**
 * Caps on what one published file may cost. A hostile or broken file hits a cap and becomes one finding;
 * it never exhausts memory or time, and the rest of a folder is still checked.
 */

/** Files over this are not opened at all: `report-too-large`. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** All the inflated parts of a DOCX together (a zip bomb inflates far past this). */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/**
 * A web page parsed into a tree costs about ten times its size in memory; report pages, site chrome and all,
 * are under 1 MB. Larger pages are refused before parsing: `report-too-large`.
 */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
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
/**
 * Resident memory of that process (MB): the heap cap does not count the buffers pdf.js and the inflaters
 * fill outside it (a 4 MB PDF whose one stream inflates to 4 GiB). A watchdog thread in the converter stops it
 * past this, even while its main thread is stuck in one synchronous inflate.
 */
export const CONVERT_RESIDENT_MB = 768;
/** How often the watchdog looks (ms): at about 1 GB/s of inflating, it stops the process within 50 MB of the cap. */
export const RESIDENT_POLL_MS = 25;
