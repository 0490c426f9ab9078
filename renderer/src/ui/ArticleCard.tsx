/** A story on a front or list: thumbnail, headline link, dek, source, relative date, offline badge. */
import type { ArticleSummary } from '../../../electron/shared/models';
import { hrefs } from '../routing/routes';
import { formatLongDateTime, formatRelative } from './format/dates';
import { Photo } from './Photo';

interface ArticleCardProps {
  article: ArticleSummary;
  variant?: 'lead' | 'card' | 'compact';
  /** Heading level of the headline. */
  level?: 2 | 3;
  /** Leave out the section kicker when it would repeat this (the front's own section). */
  hideKickerFor?: string | null;
}

export function ArticleCard({ article, variant = 'card', level = 3, hideKickerFor = null }: ArticleCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const when = formatRelative(article.publishedAt);
  const kicker = article.sectionPath.join(' > ') === hideKickerFor ? null : article.sectionPath[article.sectionPath.length - 1];
  return (
    <div className={`story story--${variant}${article.read ? ' story--read' : ''}`}>
      {variant !== 'compact' && (article.thumbnail || variant === 'lead') && (
        <a className="story__media" href={hrefs.article(article.id)} tabIndex={-1} aria-hidden="true">
          <Photo file={article.thumbnail} alt="" loading={variant === 'lead' ? 'eager' : 'lazy'} />
        </a>
      )}
      <div className="story__text">
        {kicker && variant !== 'compact' && <p className="story__kicker">{kicker}</p>}
        <Heading className="story__headline">
          <a href={hrefs.article(article.id)} data-story-link="">
            {article.title || 'Untitled'}
          </a>
        </Heading>
        {article.dek && variant !== 'compact' && <p className="story__dek">{article.dek}</p>}
        <p className="story__meta">
          <span className="story__source">{article.sourceTitle}</span>
          {when && (
            <>
              <span aria-hidden="true"> · </span>
              <time dateTime={article.publishedAt ?? undefined} title={formatLongDateTime(article.publishedAt) ?? undefined}>
                {when}
              </time>
            </>
          )}
          {!article.read && <span className="visually-hidden">, unread</span>}
        </p>
        {article.offline && (
          <p className="story__flags">
            <span className="badge badge--offline">Available offline</span>
          </p>
        )}
      </div>
    </div>
  );
}
