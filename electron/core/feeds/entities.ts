/**
 * Entities a feed declares in its own DOCTYPE (`<!DOCTYPE rss [<!ENTITY site "Valley News">]>`):
 * expanded before parsing, as an XML processor would, within limits; what the expansion attacks
 * need is refused instead, with nothing expanded:
 * - an entity whose value refers to another declared entity (billion laughs nests them);
 * - a value over MAX_ENTITY_VALUE characters, or more than MAX_EXPANSION characters added in all
 *   (quadratic blow-up repeats one big value);
 * - parameter entities (`<!ENTITY % p ...>`), which only DTD tricks use.
 * External entities (SYSTEM / PUBLIC) are left for the XML parser, which refuses them (no XXE).
 * Entity references inside CDATA sections and comments stay as they are, as in XML.
 */

/** Longest replacement text one declared entity may have. */
export const MAX_ENTITY_VALUE = 4096;
/** Most characters all expansions together may add to a feed. */
export const MAX_EXPANSION = 1 << 20;

export const ENTITY_REFUSAL = 'refused: the feed declares its own entities (an entity-expansion attack); nothing was expanded';

export class EntityRefusedError extends Error {
  constructor(why: string) {
    super(`${ENTITY_REFUSAL}: ${why}`);
    this.name = 'EntityRefusedError';
  }
}

const ROOT = /<(?:rss|feed|rdf:RDF|channel)[\s>]/i;
const DOCTYPE = /<!DOCTYPE\s+([^\s[>]+)((?:\s+(?:"[^"]*"|'[^']*'|[^\s[>"']+))*)\s*\[([\s\S]*?)\]\s*>/i;
const ENTITY_DECL = /<!ENTITY\s+(%\s+)?([^\s%>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/gi;

/**
 * The feed with its internal entities expanded and its internal subset removed; the text itself
 * when it declares none (or declares external ones: the parser refuses those). Throws
 * EntityRefusedError for the attack shapes above.
 */
export function expandDeclaredEntities(text: string): string {
  const root = text.search(ROOT);
  const prologueEnd = root === -1 ? Math.min(text.length, 65_536) : root;
  const doctype = DOCTYPE.exec(text.slice(0, prologueEnd));
  if (!doctype || !/<!ENTITY/i.test(doctype[3]!)) return text;

  const values = new Map<string, string>();
  let external = false;
  for (const decl of doctype[3]!.matchAll(ENTITY_DECL)) {
    if (decl[1]) throw new EntityRefusedError('a parameter entity');
    if (decl[5]) {
      external = true;
      continue;
    }
    const value = decl[3] ?? decl[4] ?? '';
    if (value.length > MAX_ENTITY_VALUE) throw new EntityRefusedError(`"${decl[2]}" is over ${MAX_ENTITY_VALUE} characters`);
    if (!values.has(decl[2]!)) values.set(decl[2]!, value); // the first declaration binds, as in XML
  }
  if (external) return text;
  if (values.size === 0) throw new EntityRefusedError('a declaration that could not be read');
  for (const [name, value] of values) {
    for (const ref of value.matchAll(/&([^\s&;#]+);/g)) {
      if (values.has(ref[1]!)) throw new EntityRefusedError(`"${name}" refers to "${ref[1]}"`);
    }
  }

  const start = doctype.index;
  const head = `${text.slice(0, start)}<!DOCTYPE ${doctype[1]}${doctype[2] ?? ''}>`;
  const body = text.slice(start + doctype[0].length);
  let added = 0;
  const expand = (chunk: string) =>
    chunk.replace(/&([^\s&;#<>]+);/g, (ref, name: string) => {
      const value = values.get(name);
      if (value === undefined) return ref;
      added += value.length - ref.length;
      if (added > MAX_EXPANSION) throw new EntityRefusedError(`expanding would add over ${MAX_EXPANSION} characters`);
      return value;
    });
  // CDATA sections and comments are copied untouched.
  const out: string[] = [];
  let i = 0;
  for (const raw of body.matchAll(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g)) {
    out.push(expand(body.slice(i, raw.index)), raw[0]);
    i = raw.index + raw[0].length;
  }
  out.push(expand(body.slice(i)));
  return head + out.join('');
}
