// Types of gen-rule-examples.mjs for the test that imports it.
export declare const HAND_WRITTEN: readonly string[];
export declare function regenerate(code: string, md: string): string;
export declare function rulePages(): string[];
export declare function inReport(excerpt: string, base?: string): string;
