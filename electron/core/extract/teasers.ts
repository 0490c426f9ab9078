/**
 * "Read also" lines and "related stories" blocks inside an article body: a short paragraph that
 * starts with a read-also label and is a link or bold teaser ("Read more: <a>Other story</a>",
 * "Lea también: ..."), and a heading that is only such a label ("More on this topic", "Mehr zum
 * Thema") with the link lists after it. Readability keeps both; a reader sees other stories, not
 * this one. Labels in the languages news sites most often use.
 */
import { elementsByTag, squash, textLengths, type El } from './dom';

const BLOCKS = ['p', 'div', 'h2', 'h3', 'h4', 'ul', 'ol', 'table'];

const LABEL = new RegExp(
  '^(?:' +
    [
      'read (?:more|also|next)', 'see also', 'related(?: (?:stories|articles|coverage|content|posts|reading|links))?',
      'more on (?:this|that)(?: story| topic)?', 'recommended(?: (?:reading|stories|articles))?', 'you (?:may|might) also like',
      'le(?:a|e) (?:también|más)', 'le(?:a|e)(?=\\s*:)', '(?:le|te) puede interesar', 'puede interesarte', 've(?:a|r) también', 'mir(?:a|e)(?: también)?',
      'leia também', 'veja também', 'saiba mais', '(?:à )?lire aussi', 'voir aussi', 'lesen sie (?:auch|hier|mehr)', 'auch interessant',
      'mehr (?:zum|zu diesem) thema', 'das (?:thema )?könnte (?:sie|dich) (?:auch )?interessieren', 'schon gelesen',
      'weitere (?:artikel|beiträge|meldungen|nachrichten|themen|links)', 'verwandte (?:artikel|themen|beiträge)', 'passend zum thema',
      'zum weiterlesen', 'weiterführende(?:r)? links?', 'empfohlene (?:artikel|beiträge)', 'meist(?:gelesene|diskutierte) artikel',
      'ähnliche (?:beiträge|artikel)', 'redaktionstipp', '(?:previous|next) (?:post|article|story)', 'vorherige(?:r)? (?:artikel|beitrag)',
      'nächste(?:r)? (?:artikel|beitrag)', 'czytaj (?:też|także|również|więcej)', 'zobacz (?:też|także|również)', 'leggi anche', 'potrebbe interessarti',
    ].join('|') +
    ')',
  'i',
);

/** Only the label, with its punctuation ("Mehr zum Thema:", "RELATED STORIES"). */
const LABEL_ONLY = new RegExp(`${LABEL.source}\\s*[:?!.…»>|-]*$`, 'i');
/** The label, then a separator, then the teaser ("Lea también: Title of another story"). */
const LABEL_LEAD = new RegExp(`${LABEL.source}\\s*(?:[:?!.…»>|–—-]|$)`, 'i');

const visibleText = (el: El) => squash(el.textContent);

function linkShare(el: El, length: number): number {
  let links = 0;
  for (const a of elementsByTag(el, ['a'])) links += visibleText(a).length;
  return links / (length || 1);
}

function boldShare(el: El, length: number): number {
  let bold = 0;
  for (const b of elementsByTag(el, ['strong', 'b'])) bold += visibleText(b).length;
  return bold / (length || 1);
}

/** A block right after a related-stories heading that is a list of links. */
function isLinkBlock(el: El): boolean {
  const text = visibleText(el);
  if (!text) return !el.querySelector('img') || el.tagName !== 'P';
  return linkShare(el, text.length) >= 0.5;
}

/** Removes read-also lines and related-stories headings (with their link lists) from an article body. */
export function removeTeasers(body: El): void {
  const lengths = textLengths(body);
  for (const el of elementsByTag(body, ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'li'])) {
    if ((lengths.get(el) ?? 0) > 400) continue;
    if (!body.contains(el)) continue; // removed with a heading above (the body itself may be detached: isConnected says nothing)
    if ((el.tagName === 'DIV' || el.tagName === 'LI') && elementsByTag(el, BLOCKS).length > 0) continue;
    const text = visibleText(el);
    if (!text || text.length > 250 || !LABEL_LEAD.test(text)) continue;
    if (LABEL_ONLY.test(text)) {
      // A heading for other stories: it goes, with the link lists after it.
      for (let next = el.nextElementSibling; next && isLinkBlock(next); next = el.nextElementSibling) next.remove();
      el.remove();
    } else if (linkShare(el, text.length) >= 0.3 || boldShare(el, text.length) >= 0.8) {
      el.remove();
    }
  }
}
