/** The sidebar: nav "Sections" with All articles, every section (nested, unread counts), Saved, Offline queue, Sources, Settings. */
import type { Route } from '../../routing/routes';
import { hrefs } from '../../routing/routes';
import { useLoad } from '../../api/useLoad';
import { afterNextPaint } from '../../ui/afterPaint';
import { sectionRows, totalUnread } from './sectionTree';
import './sections.css';

function isCurrent(route: Route, target: Route['name'], section?: string | null): boolean {
  if (route.name !== target) return false;
  if (route.name === 'front') return route.section === (section ?? null);
  return true;
}

export function SectionsNav({ route }: { route: Route }) {
  // Rendered after the next paint: sorting them starts ICU's collator (~50 ms cold), which must not
  // hold up the first front.
  const { data: sections, error } = useLoad('sections', (news) => afterNextPaint(news.listSections()));
  const rows = sections ? sectionRows(sections) : [];
  const allUnread = sections ? totalUnread(sections) : 0;

  return (
    <nav className="sections-nav" aria-label="Sections">
      <ul className="sections-nav__list">
        <li>
          <a href={hrefs.all} aria-current={isCurrent(route, 'front', null) ? 'page' : undefined} className="sections-nav__link sections-nav__link--top">
            <span className="sections-nav__label">All articles</span>
            {allUnread > 0 && (
              <span className="count" aria-hidden="true">
                {allUnread}
              </span>
            )}
          </a>
        </li>
      </ul>
      {rows.length > 0 && (
        <>
          <h2 className="sections-nav__heading" id="sections-heading">
            Sections
          </h2>
          <ul className="sections-nav__list" aria-labelledby="sections-heading">
            {rows.map((row) => {
              const countId = `unread-${encodeURIComponent(row.key).replace(/%/g, '_')}`;
              return (
                <li key={row.key}>
                  <a
                    href={hrefs.section(row.key)}
                    aria-label={row.key}
                    aria-describedby={row.unread > 0 ? countId : undefined}
                    aria-current={isCurrent(route, 'front', row.key) ? 'page' : undefined}
                    className={`sections-nav__link depth-${Math.min(row.depth, 4)}`}
                  >
                    <span className="sections-nav__label">{row.label}</span>
                    {row.unread > 0 && (
                      <span className="count" id={countId}>
                        {row.unread}
                        <span className="visually-hidden"> unread</span>
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {error && <p className="sections-nav__error">Sections could not be loaded: {error}</p>}
      <ul className="sections-nav__list sections-nav__list--end">
        <li>
          <a href={hrefs.saved} aria-current={isCurrent(route, 'saved') ? 'page' : undefined} className="sections-nav__link sections-nav__link--top">
            <span className="sections-nav__label">Saved</span>
          </a>
        </li>
        <li>
          <a href={hrefs.queue} aria-current={isCurrent(route, 'queue') ? 'page' : undefined} className="sections-nav__link sections-nav__link--top">
            <span className="sections-nav__label">Offline queue</span>
          </a>
        </li>
        <li>
          <a href={hrefs.sources} aria-current={isCurrent(route, 'sources') ? 'page' : undefined} className="sections-nav__link sections-nav__link--top">
            <span className="sections-nav__label">Sources</span>
          </a>
        </li>
        <li>
          <a href={hrefs.settings} aria-current={isCurrent(route, 'settings') ? 'page' : undefined} className="sections-nav__link sections-nav__link--top">
            <span className="sections-nav__label">Settings</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}
