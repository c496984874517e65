import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RegistrationForm } from './RegistrationForm.js';
import { EVENT } from '../../testing/fixtures.js';

let posted: unknown[];

beforeEach(() => {
  localStorage.clear();
  posted = [];
  vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
    if (init?.body) posted.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ status: 'check_inbox', email: 'ada@example.org' }), { status: 202 });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

test('a plenary-only event registers without choosing a room (the shared rule: no rooms, no choice)', async () => {
  render(<RegistrationForm event={{ ...EVENT, breakouts: [] }} />);
  expect(screen.queryByLabelText('First choice of breakout room *')).toBeNull();
  fill('Name *', 'Ada');
  fill('Email *', 'ada@example.org');
  fireEvent.submit(screen.getByTestId('register-form'));
  expect((await screen.findByTestId('registration-email')).textContent).toBe('ada@example.org');
  expect(posted).toEqual([{ name: 'Ada', email: 'ada@example.org', preferences: [], language: 'en' }]);
});

test('the same room twice and over-long fields are refused before sending, in the form\'s words', () => {
  render(<RegistrationForm event={EVENT} />);
  fill('Name *', 'x'.repeat(121));
  fill('Email *', 'ada@example.org');
  fill('First choice of breakout room *', 'trust');
  fill('Second choice', 'trust');
  fireEvent.submit(screen.getByTestId('register-form'));
  expect(screen.getByText('Use at most 120 characters.')).toBeTruthy();
  expect(screen.getByText('Choose a different room, or no second choice.')).toBeTruthy();
  expect(posted).toEqual([]);
});
