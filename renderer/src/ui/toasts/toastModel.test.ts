import { describe, expect, it } from 'vitest';
import { addToast, defaultTimeout, makeToast, MAX_TOASTS, removeToast, removeToastByKey } from './toastModel';

describe('toast list', () => {
  it('fills in defaults: info, no details, a timeout by kind', () => {
    const t = makeToast({ title: 'Saved' }, 1);
    expect(t).toMatchObject({ id: 1, key: null, kind: 'info', message: '', details: [], link: null, timeoutMs: defaultTimeout('info') });
    expect(makeToast({ title: 'x', kind: 'error' }, 2).timeoutMs).toBe(defaultTimeout('error'));
    expect(makeToast({ title: 'x', timeoutMs: null }, 3).timeoutMs).toBeNull();
    expect(defaultTimeout('error')).toBeGreaterThan(defaultTimeout('info'));
  });

  it('replaces a toast with the same key, keeps the others, and caps the list', () => {
    let list = addToast([], makeToast({ title: 'a', key: 'sync' }, 1));
    list = addToast(list, makeToast({ title: 'b' }, 2));
    list = addToast(list, makeToast({ title: 'c', key: 'sync' }, 3));
    expect(list.map((t) => t.title)).toEqual(['b', 'c']);
    for (let i = 0; i < 5; i++) list = addToast(list, makeToast({ title: `n${i}` }, 10 + i));
    expect(list).toHaveLength(MAX_TOASTS);
    expect(list.at(-1)!.title).toBe('n4');
  });

  it('removes by id or key', () => {
    const list = [makeToast({ title: 'a', key: 'k' }, 1), makeToast({ title: 'b' }, 2)];
    expect(removeToast(list, 2).map((t) => t.id)).toEqual([1]);
    expect(removeToastByKey(list, 'k').map((t) => t.id)).toEqual([2]);
  });
});
