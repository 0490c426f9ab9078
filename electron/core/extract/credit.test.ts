import { describe, expect, it } from 'vitest';
import { splitCaptionCredit } from './credit';

const table: [string, string, string][] = [
  ['Readers queue outside the new library, 2024. | Photo: X/ @westmere_news', 'Readers queue outside the new library, 2024.', 'X/ @westmere_news'],
  ['A heron in the shallows | Riverwatch', 'A heron in the shallows', 'Riverwatch'],
  ['The ferry leaves the pier. Credit: Harbour Board', 'The ferry leaves the pier.', 'Harbour Board'],
  ['The ferry leaves the pier. Photograph: Lena Okafor/Guardian', 'The ferry leaves the pier.', 'Lena Okafor/Guardian'],
  ['Station concourse at night. Photo: Ilse Varga', 'Station concourse at night.', 'Ilse Varga'],
  ['Station concourse at night. Photo by Ilse Varga', 'Station concourse at night.', 'Ilse Varga'],
  ['A heron returns to the cleared shallows (Reuters)', 'A heron returns to the cleared shallows', 'Reuters'],
  ['Protesters gather in the square. (AP Photo/Jane Doe)', 'Protesters gather in the square.', 'AP Photo/Jane Doe'],
  ['Fireworks over the harbour. (Photo: Tom Lind)', 'Fireworks over the harbour.', 'Tom Lind'],
  ['Fireworks over the harbour. Jean Martin / AFP', 'Fireworks over the harbour.', 'Jean Martin / AFP'],
  ['Fireworks over the harbour / AFP', 'Fireworks over the harbour', 'AFP'],
  ['Fireworks over the harbour - Reuters', 'Fireworks over the harbour', 'Reuters'],
  ['Photo: Westmere Chess Club/ @wm_chess', '', 'Westmere Chess Club/ @wm_chess'],
  ['Credit: Harbour Board', '', 'Harbour Board'],
  ['Photo: J. Park', '', 'J. Park'],
  ['A plain caption with no credit at all.', 'A plain caption with no credit at all.', ''],
  ['Children at the photo booth during the fair.', 'Children at the photo booth during the fair.', ''],
  ['Mayor Ana Ruiz (left) opens the bridge.', 'Mayor Ana Ruiz (left) opens the bridge.', ''],
  ['  Spaced   out caption.   |   Photo:   Someone  ', 'Spaced out caption.', 'Someone'],
  ['', '', ''],
];

describe('splitCaptionCredit', () => {
  it.each(table)('%j', (input, caption, credit) => {
    expect(splitCaptionCredit(input)).toEqual({ caption, credit });
  });
});
