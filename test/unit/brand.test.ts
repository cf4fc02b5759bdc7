import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrandFile, slug } from '../../scripts/brand';
import { buildExtension, ROOT } from '../build';

const EXAMPLE = join(ROOT, 'docs/brand.example.json');
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
// Builds take a while when other tests share the two cores.
const BUILD_MS = 120_000;

const temp = mkdtempSync(join(tmpdir(), 'pdc-brand-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes a brand file into the temporary folder and returns its path. */
function brandFile(name: string, content: unknown): string {
  const path = join(temp, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('brand files (BRAND_FILE)', () => {
  it('reads the example', () => {
    const brand = loadBrandFile(EXAMPLE);
    expect(brand).toMatchObject({ name: example.name, organisation: example.organisation, links: example.links, firefoxId: example.firefoxId });
  });

  it('names every bad field, and takes https links only', () => {
    const path = brandFile('bad.json', {
      name: 'X',
      description: '',
      homepage: 'http://example.org/',
      links: [{ label: 'Help', url: 'javascript:alert(1)' }],
      colour: 'red',
    });
    let message = '';
    try {
      loadBrandFile(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${path}: description: must not be empty`);
    expect(message).toContain(`${path}: homepage: "http://example.org/" is not an https URL`);
    expect(message).toContain(`${path}: organisation: is required`);
    expect(message).toContain(`${path}: links[0].url: "javascript:alert(1)" is not an https URL`);
    expect(message).toContain(`${path}: colour: unknown key "colour"`);
    expect(message).not.toContain('name:');
  });

  it('takes a report address: an https issue page or an email address', () => {
    const good = loadBrandFile(brandFile('report.json', { ...example, issueUrl: 'https://example.org/issues/new', email: 'reports@example.org' }));
    expect([good.issueUrl, good.email]).toEqual(['https://example.org/issues/new', 'reports@example.org']);
    const path = brandFile('bad-report.json', { ...example, issueUrl: 'http://example.org/new', email: 'not an address' });
    expect(() => loadBrandFile(path)).toThrow(new RegExp(`issueUrl: "http://example.org/new" is not an https URL\n.*email: is not an email address`));
  });

  it('says which icon is missing or not a PNG', () => {
    copyFileSync(join(ROOT, 'public/icons/icon-16.png'), join(temp, 'ok.png'));
    writeFileSync(join(temp, 'fake.png'), 'not an image');
    const path = brandFile('icons.json', { ...example, icons: { 16: 'ok.png', 32: 'ok.png', 48: 'fake.png', 128: 'gone.png' } });
    expect(() => loadBrandFile(path)).toThrow(/icons\.48: .*fake\.png is not a PNG image\n.*icons\.128: cannot read .*gone\.png/);
  });

  it('gives a copy its own Firefox id unless the file sets one', () => {
    const { firefoxId: _set, ...rest } = example;
    expect(loadBrandFile(brandFile('no-id.json', { ...rest, name: 'Données de santé: veille' })).firefoxId).toBe('donnees-de-sante-veille@extension');
    expect(slug('Patient Data Context')).toBe('patient-data-context');
  });
});

describe('a build with docs/brand.example.json', () => {
  const outDir = join(temp, 'firefox');
  beforeAll(() => buildExtension('firefox', outDir, { BRAND_FILE: EXAMPLE }), BUILD_MS);

  it('carries the brand in the manifest', () => {
    const manifest = readJson(join(outDir, 'manifest.json'));
    expect(manifest.name).toBe(example.name);
    expect(manifest.short_name).toBe(example.shortName);
    expect(manifest.description).toBe(example.description);
    expect(manifest.homepage_url).toBe(example.homepage);
    expect(manifest.action.default_title).toBe(example.name);
    expect(manifest.browser_specific_settings.gecko.id).toBe(example.firefoxId);
    // Without icons in the brand file, the project's icons stay.
    expect(manifest.icons['128']).toBe('icons/icon-128.png');
  });

  it('gives the popup the organisation and its links', () => {
    const code = readdirSync(join(outDir, 'assets')).map((file) => readFileSync(join(outDir, 'assets', file), 'utf8')).join('\n');
    for (const text of [example.organisation, example.homepage, ...example.links.flatMap((link: { label: string; url: string }) => [link.label, link.url])]) {
      expect(code).toContain(text);
    }
  });
});

describe('a build with a brand file that has icons', () => {
  const outDir = join(temp, 'chrome-icons');
  const sizes = ['16', '32', '48', '128'];
  beforeAll(() => {
    for (const size of sizes) copyFileSync(join(ROOT, `public/icons/icon-${size}.png`), join(temp, `logo-${size}.png`));
    const icons = Object.fromEntries(sizes.map((size) => [size, `logo-${size}.png`]));
    return buildExtension('chrome', outDir, { BRAND_FILE: brandFile('with-icons.json', { ...example, icons }) });
  }, BUILD_MS);

  it('ships the icons and points the manifest at them', () => {
    const manifest = readJson(join(outDir, 'manifest.json'));
    expect(manifest.icons).toEqual(Object.fromEntries(sizes.map((size) => [size, `brand/icon-${size}.png`])));
    expect(manifest.action.default_icon).toEqual({ 16: 'brand/icon-16.png', 32: 'brand/icon-32.png', 48: 'brand/icon-48.png' });
    for (const size of sizes) {
      expect(readFileSync(join(outDir, `brand/icon-${size}.png`)).equals(readFileSync(join(temp, `logo-${size}.png`)))).toBe(true);
    }
  });
});

it('a bad brand file fails the build, naming the field', async () => {
  const path = brandFile('bad-build.json', { ...example, homepage: 'http://example.org/' });
  await expect(buildExtension('chrome', join(temp, 'never'), { BRAND_FILE: path })).rejects.toThrow(`${path}: homepage: "http://example.org/" is not an https URL`);
}, BUILD_MS);
