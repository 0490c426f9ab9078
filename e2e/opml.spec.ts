/**
 * OPML on the Sources screen: importing a file that lists the fixture server's two feeds (in a
 * folder, plus a file: entry that is left out) through the labelled file input adds both sources;
 * importing it again adds none; Export OPML downloads sources.opml holding both feeds. A hostile
 * file (entity declarations) gets a clear error and adds nothing.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';

function opml(feeds: { title: string; url: string }[]): string {
  const items = feeds.map((f) => `      <outline text="${f.title}" type="rss" xmlUrl="${f.url}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Fixture feeds</title></head>
  <body>
    <outline text="Local news">
${items}
    </outline>
    <outline text="Not a web feed" xmlUrl="file:///etc/hosts"/>
  </body>
</opml>`;
}

test('import an OPML file of the fixture feeds, then export them as sources.opml', async ({ page, app, newsServer }) => {
  const feeds = [
    { title: 'Fixture RSS', url: newsServer.rssUrl },
    { title: 'Fixture Atom', url: `${newsServer.url}/feeds/world.atom` },
  ];
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sources', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();

  const input = page.getByLabel('Import OPML');
  const file = { name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml(feeds)) };
  await input.setInputFiles(file);
  const panel = page.getByRole('region', { name: 'Import and export' });
  await expect(panel.getByRole('status')).toHaveText('Imported 2 sources (0 already there). 1 entry was left out.');
  await expect(panel.getByRole('list', { name: 'Entries left out' })).toContainText('Not a web feed');
  const list = page.getByRole('list', { name: 'Your sources' });
  for (const feed of feeds) {
    await expect(list.getByRole('heading', { name: feed.title, exact: true })).toBeVisible();
    await expect(list.getByText(feed.url, { exact: true })).toBeVisible();
  }

  // The same file again: nothing new.
  await input.setInputFiles(file);
  await expect(panel.getByRole('status')).toHaveText('Imported 0 sources (2 already there). 1 entry was left out.');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // A hostile file is refused with a clear error.
  const laughs = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]><opml version="2.0"><body><outline text="&b;" xmlUrl="https://a.example/f"/></body></opml>';
  await input.setInputFiles({ name: 'laughs.opml', mimeType: 'text/x-opml', buffer: Buffer.from(laughs) });
  await expect(panel.getByRole('status')).toContainText('laughs.opml could not be imported: Refused: the OPML file declares XML entities');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await page.screenshot({ path: test.info().outputPath('sources-opml.png'), fullPage: true });

  if (app.host === 'electron') {
    // Electron hands downloads to its own save dialog; File > Export OPML is covered by menu.test.ts.
    test.info().annotations.push({ type: 'skipped step', description: 'export download (browser host only)' });
    return;
  }
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export OPML' }).click()]);
  expect(download.suggestedFilename()).toBe('sources.opml');
  const exported = await readFile(await download.path(), 'utf8');
  expect(exported).toMatch(/<opml version="2\.0">/);
  for (const feed of feeds) expect(exported).toContain(`xmlUrl="${feed.url}"`);
  await expect(panel.getByRole('status')).toHaveText('Exported your sources to sources.opml.');
});
