import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { zonedInstant } from '@live-workshop/shared/pure';
import type { EventConfig } from '@live-workshop/shared';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../app/App.js';
import { EVENT } from '../../testing/fixtures.js';
import { LANGUAGE_STORAGE_KEY, preferredLanguage, setLanguage } from '../../i18n/i18n.js';

const DAY_BEFORE = zonedInstant('2025-10-22', '09:30', 'Europe/Brussels');
/** The event file's own German texts (the optional map form); French is left to the default. */
const EVENT_WITH_GERMAN: EventConfig = {
  ...EVENT,
  translations: { de: { title: 'Microcredentials und die Zukunft des Lernens', breakouts: { [EVENT.breakouts[0]!.id]: { title: 'Kompetenzen für morgen' } } } },
};

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('fetch', async (url: string) => {
    const body = url === '/api/event' ? { event: EVENT_WITH_GERMAN, serverTime: DAY_BEFORE, registrationClosed: null } : { code: 'internal', message: 'not found' };
    return new Response(JSON.stringify(body), { status: url === '/api/event' ? 200 : 404, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await setLanguage('en');
});

test('in German: the page, its dates (24-hour, German month names), the plural and the event file\'s own German texts', async () => {
  await setLanguage('de');
  render(<App pathname="/" />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Microcredentials und die Zukunft des Lernens' })).toBeTruthy();
  expect(document.documentElement.lang).toBe('de');
  expect(screen.getByRole('heading', { name: 'Programm' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Die 4 Breakout-Räume' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Kompetenzen für morgen' })).toBeTruthy();
  expect(screen.getByTestId('event-times').textContent).toContain('Donnerstag, 23. Oktober 2025, 09:30–13:00 MESZ, UTC+2');
  expect(await screen.findByRole('button', { name: 'Anmelden' })).toBeTruthy();
  fireEvent.submit(screen.getByTestId('register-form'));
  expect(screen.getByText('Geben Sie Ihren Namen ein.')).toBeTruthy();
});

test('in French: the page in French; texts the event file gives only in English stay English', async () => {
  await setLanguage('fr');
  render(<App pathname="/" />);
  expect(await screen.findByRole('heading', { level: 1, name: EVENT.title })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Les 4 ateliers' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Programme' })).toBeTruthy();
  expect(screen.getByTestId('event-times').textContent).toContain('jeudi 23 octobre 2025, 09:30–13:00');
  expect(await screen.findByRole('button', { name: 'S’inscrire' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Aller au contenu' })).toBeTruthy();
});

test('the switch on the page changes the language at once, sets <html lang> and is remembered', async () => {
  render(<App pathname="/" />);
  await screen.findByRole('heading', { level: 1, name: EVENT.title });
  expect(screen.getByRole('heading', { name: 'Agenda' })).toBeTruthy();
  await act(async () => {
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'nl' } });
  });
  expect(await screen.findByRole('heading', { name: 'Programma' })).toBeTruthy();
  expect(document.documentElement.lang).toBe('nl');
  expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
  expect(preferredLanguage()).toBe('nl');
  expect(screen.getByRole('option', { name: 'Deutsch' })).toBeTruthy();
});

test('without a remembered choice, the browser\'s languages decide', () => {
  vi.stubGlobal('navigator', { ...navigator, languages: ['pt-BR', 'en-US'], language: 'pt-BR' });
  expect(preferredLanguage()).toBe('pt');
  vi.stubGlobal('navigator', { ...navigator, languages: ['ja-JP'], language: 'ja-JP' });
  expect(preferredLanguage()).toBe('en');
});
