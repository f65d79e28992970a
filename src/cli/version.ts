/** The package's version, read from package.json when the CLI is built (so it is right in dist/ too). */
import packageJson from '../../package.json';

/** The version of @fsb/boligsocial, e.g. "0.1.0". */
export const PACKAGE_VERSION: string = packageJson.version;
