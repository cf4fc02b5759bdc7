/**
 * Organisation builds: `BRAND_FILE=brand.json npm run build` gives the extension an
 * organisation's name, description, homepage, links and, optionally, icons, with no code change
 * (see docs/brand.example.json). vite.config.ts reads the file with `loadBrandFile`, applies it to
 * the manifest with `brandManifest` and copies its icons into the build (`brandFiles`).
 *
 * A bad file fails the build with every problem on its own line, as `file: field: problem`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as v from 'valibot';
import type { Brand } from '../src/brand.ts';
import { HttpsUrl, issueProblem, Text } from '../src/data/schema.ts';

const atMost = (limit: number) => v.maxLength<string, number, string>(limit, `must be at most ${limit} characters`);
const IconPath = v.pipe(Text, v.regex(/\.png$/i, 'must be the path of a .png file'));
const ICON_SIZES = ['16', '32', '48', '128'] as const;

const BrandFileSchema = v.strictObject({
  // addons.mozilla.org takes names of up to 45 characters.
  name: v.pipe(Text, atMost(45)),
  shortName: v.optional(v.pipe(Text, atMost(45))),
  // The Chrome Web Store rejects a longer manifest description.
  description: v.pipe(Text, atMost(132)),
  homepage: v.optional(HttpsUrl),
  organisation: v.pipe(Text, atMost(100)),
  links: v.optional(v.array(v.strictObject({ label: v.pipe(Text, atMost(60)), url: HttpsUrl })), []),
  /** Where readers report a wrong match: a page that files a new issue, or an email address. */
  issueUrl: v.optional(HttpsUrl),
  email: v.optional(v.pipe(Text, v.email('is not an email address'))),
  /** PNG files, relative to the brand file. */
  icons: v.optional(v.strictObject({ 16: IconPath, 32: IconPath, 48: IconPath, 128: IconPath })),
  /** The add-on id on addons.mozilla.org; it must stay the same from one version to the next. */
  firefoxId: v.optional(
    v.pipe(v.string(), v.regex(/^(?:[\w.-]+@[\w.-]+|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i, 'must look like name@example.org or {uuid}')),
  ),
});

type BrandFile = v.InferOutput<typeof BrandFileSchema>;

export interface BrandBuild extends Omit<BrandFile, 'icons' | 'firefoxId'> {
  firefoxId: string;
  /** Absolute paths of the icons by size, when the brand has its own. */
  icons?: Record<(typeof ICON_SIZES)[number], string>;
}

/** "Health Data Watch: Leeds" → "health-data-watch-leeds", for file names and ids. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads and checks a brand file; throws naming every bad field. */
export function loadBrandFile(file: string): BrandBuild {
  const fail = (problems: { path: string; message: string }[]) =>
    new Error(`Bad brand file (BRAND_FILE):\n${problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n')}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail([{ path: '(root)', message: `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const result = v.safeParse(BrandFileSchema, raw, { abortEarly: false, abortPipeEarly: true });
  if (!result.success) throw fail(result.issues.map(issueProblem));
  const { icons, firefoxId, ...fields } = result.output;
  const slugged = slug(fields.name);
  if (!slugged) throw fail([{ path: 'name', message: 'needs at least one letter or digit' }]);

  let iconPaths: BrandBuild['icons'];
  if (icons) {
    const paths = Object.fromEntries(ICON_SIZES.map((size) => [size, resolve(dirname(file), icons[size])])) as Record<(typeof ICON_SIZES)[number], string>;
    const problems = ICON_SIZES.flatMap((size) => {
      const problem = pngProblem(paths[size]);
      return problem ? [{ path: `icons.${size}`, message: problem }] : [];
    });
    if (problems.length > 0) throw fail(problems);
    iconPaths = paths;
  }
  // A copy with the project's id would replace the project's own in Firefox, and could not be
  // listed on addons.mozilla.org.
  return { ...fields, firefoxId: firefoxId ?? `${slugged}@extension`, ...(iconPaths && { icons: iconPaths }) };
}

function pngProblem(path: string): string | undefined {
  let head: Buffer;
  try {
    head = readFileSync(path).subarray(0, PNG_SIGNATURE.length);
  } catch {
    return `cannot read ${path}`;
  }
  return head.equals(PNG_SIGNATURE) ? undefined : `${path} is not a PNG image`;
}

/** What the extension's pages show (src/brand.ts). */
export function pageBrand({ name, organisation, homepage, issueUrl, email, links }: BrandBuild): Brand {
  return { name, organisation, ...(homepage && { homepage }), ...(issueUrl && { issueUrl }), ...(email && { email }), links };
}

const iconFile = (size: string) => `brand/icon-${size}.png`;

/** The manifest with the brand's name, description, homepage and icons in place of the project's. */
export function brandManifest(manifest: Record<string, any>, brand: BrandBuild): Record<string, any> {
  const icons = brand.icons && Object.fromEntries(ICON_SIZES.map((size) => [size, iconFile(size)]));
  const { 128: _storeOnly, ...toolbarIcons } = icons ?? {};
  return {
    ...manifest,
    name: brand.name,
    short_name: brand.shortName ?? brand.name,
    description: brand.description,
    ...(brand.homepage && { homepage_url: brand.homepage }),
    ...(icons && { icons }),
    action: { ...manifest.action, default_title: brand.name, ...(icons && { default_icon: toolbarIcons }) },
  };
}

/** The brand's icons, by where brandManifest's paths expect them in the build. */
export function brandFiles(brand: BrandBuild): Record<string, string> {
  return Object.fromEntries(Object.entries(brand.icons ?? {}).map(([size, path]) => [iconFile(size), path]));
}
