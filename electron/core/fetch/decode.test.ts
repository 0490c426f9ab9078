// decodeBody / sniffEncoding: every charset a news feed is likely to arrive in, and the order of
// trust between BOM, HTTP header, XML declaration and HTML meta.
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, sniffEncoding } from './decode';

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const hex = (h: string): Buffer => Buffer.from(h, 'hex');
const xml = (encoding: string | null, bytes: Buffer): Buffer =>
  Buffer.concat([ascii(`<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><title>`), bytes, ascii('</title>')]);
const html = (meta: string, bytes: Buffer): Buffer =>
  Buffer.concat([ascii(`<!doctype html><html><head>${meta}<title>`), bytes, ascii('</title></head></html>')]);

interface Case {
  name: string;
  body: Buffer;
  contentType: string;
  expected: string;
  encoding: string;
  source: string;
}

const cases: Case[] = [
  // windows-1252: 0x80 euro, 0x93/0x94 curly quotes, 0x97 em dash (where Node 20's one-shot decoder fails).
  { name: 'windows-1252 via HTTP', body: xml(null, hex('93803594e997')), contentType: 'application/rss+xml; charset=windows-1252', expected: '“€5”é—', encoding: 'windows-1252', source: 'http' },
  { name: 'windows-1252 via XML declaration', body: xml('windows-1252', hex('93803594')), contentType: 'text/xml', expected: '“€5”', encoding: 'windows-1252', source: 'document' },
  { name: 'ISO-8859-1 label means windows-1252 (WHATWG)', body: xml('ISO-8859-1', hex('e98094')), contentType: '', expected: 'é€”', encoding: 'windows-1252', source: 'document' },
  { name: 'undeclared non-UTF-8 bytes fall back to windows-1252', body: xml(null, hex('caf9e9')), contentType: 'text/xml', expected: 'Êùé', encoding: 'windows-1252', source: 'fallback' },
  { name: 'ISO-8859-2', body: xml('ISO-8859-2', hex('b3f3647a')), contentType: '', expected: 'łódz', encoding: 'iso-8859-2', source: 'document' },
  { name: 'ISO-8859-7 (Greek)', body: xml(null, hex('c5ebebe1e4e1')), contentType: 'text/xml; charset=iso-8859-7', expected: 'Ελλαδα', encoding: 'iso-8859-7', source: 'http' },
  { name: 'ISO-8859-15', body: xml('ISO-8859-15', hex('a4')), contentType: '', expected: '€', encoding: 'iso-8859-15', source: 'document' },
  { name: 'windows-1251 (Cyrillic)', body: xml('windows-1251', hex('cff0e8e2e5f2')), contentType: '', expected: 'Привет', encoding: 'windows-1251', source: 'document' },
  { name: 'GB2312 declared, decoded as GBK', body: xml('GB2312', hex('d6d0cec4d0c2cec5')), contentType: '', expected: '中文新闻', encoding: 'gbk', source: 'document' },
  { name: 'GBK via HTTP', body: xml(null, hex('d6d0cec4')), contentType: 'text/xml; charset="gbk"', expected: '中文', encoding: 'gbk', source: 'http' },
  { name: 'Big5', body: xml('big5', hex('a4a4a4e5')), contentType: '', expected: '中文', encoding: 'big5', source: 'document' },
  { name: 'Shift_JIS', body: xml('Shift_JIS', hex('93fa967b8cea')), contentType: '', expected: '日本語', encoding: 'shift_jis', source: 'document' },
  { name: 'EUC-KR', body: xml('EUC-KR', hex('c7d1b1b9be ee'.replace(/ /g, ''))), contentType: '', expected: '한국어', encoding: 'euc-kr', source: 'document' },
  { name: 'HTML meta charset', body: html('<meta charset="windows-1251">', hex('cff0e8e2e5f2')), contentType: 'text/html', expected: 'Привет', encoding: 'windows-1251', source: 'document' },
  { name: 'HTML meta http-equiv', body: html('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', hex('93fa967b')), contentType: 'text/html', expected: '日本', encoding: 'shift_jis', source: 'document' },
  { name: 'plain UTF-8 without declaration', body: xml(null, Buffer.from('café “ok”', 'utf8')), contentType: 'text/xml', expected: 'café “ok”', encoding: 'utf-8', source: 'default' },
  // Order of trust.
  { name: 'HTTP charset beats the XML declaration', body: xml('windows-1251', hex('e9')), contentType: 'text/xml; charset=iso-8859-1', expected: 'é', encoding: 'windows-1252', source: 'http' },
  { name: 'BOM beats the HTTP charset', body: Buffer.concat([hex('efbbbf'), xml(null, Buffer.from('é', 'utf8'))]), contentType: 'text/xml; charset=windows-1252', expected: 'é', encoding: 'utf-8', source: 'bom' },
  { name: 'unknown HTTP charset is ignored', body: xml('windows-1251', hex('cff0')), contentType: 'text/xml; charset=x-no-such-thing', expected: 'Пр', encoding: 'windows-1251', source: 'document' },
  { name: 'server says ISO-8859-1 over a valid UTF-8 document that declares UTF-8', body: xml('UTF-8', Buffer.from('café', 'utf8')), contentType: 'text/xml; charset=ISO-8859-1', expected: 'café', encoding: 'utf-8', source: 'document' },
  { name: 'server says ISO-8859-1 over undeclared UTF-8-looking bytes: header wins', body: xml(null, Buffer.from('café', 'utf8')), contentType: 'text/xml; charset=ISO-8859-1', expected: 'cafÃ©', encoding: 'windows-1252', source: 'http' },
  { name: 'server says UTF-8 but bytes are not and the document declares', body: xml('windows-1252', hex('93')), contentType: 'text/xml; charset=utf-8', expected: '“', encoding: 'windows-1252', source: 'document' },
];

describe('decodeBody', () => {
  it.each(cases)('$name', ({ body, contentType, expected, encoding, source }) => {
    expect(sniffEncoding(body, contentType)).toEqual({ encoding, source });
    const text = decodeBody(body, contentType);
    expect(text).toContain(`<title>${expected}</title>`);
  });

  it.each([
    ['UTF-16LE with BOM', Buffer.concat([hex('fffe'), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><t>Ünï 中</t>', 'utf16le')]), 'utf-16le', 'bom'],
    ['UTF-16BE with BOM', Buffer.concat([hex('feff'), Buffer.from('<?xml version="1.0"?><t>Ünï 中</t>', 'utf16le').swap16()]), 'utf-16be', 'bom'],
    ['UTF-16LE without BOM, XML prefix', Buffer.from('<?xml version="1.0" encoding="UTF-16"?><t>Ünï 中</t>', 'utf16le'), 'utf-16le', 'document'],
  ])('%s', (_name, body, encoding, source) => {
    expect(sniffEncoding(body, 'application/xml')).toEqual({ encoding, source });
    const text = decodeBody(body, 'application/xml');
    expect(text.startsWith('<?xml')).toBe(true); // BOM dropped
    expect(text).toContain('<t>Ünï 中</t>');
  });

  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/html; charset=UTF-8')).toBe('UTF-8');
    expect(charsetFromContentType('text/xml;charset="koi8-r"; q=1')).toBe('koi8-r');
    expect(charsetFromContentType('text/xml')).toBeNull();
  });
});
