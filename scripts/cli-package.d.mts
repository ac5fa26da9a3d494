// Types of cli-package.mjs for the tests that import it.
export declare const CLI_PACKAGE_NAME: 'xxgk-check';
export declare const CLI_FILES: readonly string[];
export declare function cliManifest(extension: Record<string, unknown>): Record<string, unknown>;
export declare function stageCliPackage(options: { root: string; out: string; dist?: string }): string[];
