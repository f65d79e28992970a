/** The package's version. */

/**
 * The version of @fsb/boligsocial (as in its package.json): with the content hashes of
 * the rule files (`RuleSetInfo.contentHash`), what a logged decision needs to be
 * reproduced later. A test keeps it equal to package.json.
 */
export const PACKAGE_VERSION = '0.1.0';
