/**
 * The web shell: a wrong password is refused on the login page; the language switch changes the menu.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login, screenshot, submitLogin, useApp } from './helpers.ts';

const app = useApp();

describe('web shell', () => {
  it('a wrong password shows an error and stays on /login', async () => {
    const page = await app().newPage();
    const response = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await submitLogin(page, 'zhushan', 'not-the-password');
    assert.equal((await response).status(), 401);

    await page
      .getByText(/用户名或密码错误|密码错误|invalid/i)
      .first()
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, 'login-wrong-password');
  });

  it('switching the language to English changes the menu labels', async () => {
    const page = await app().newPage();
    await login(page, 'zhushan');

    const menu = page.getByRole('menu').first();
    await menu.getByText('指挥体系').waitFor();
    await page
      .getByText(/^(语言|中文|简体中文)$/)
      .first()
      .click();
    await page.getByText('English', { exact: true }).last().click();

    await menu.getByText('Command hierarchy').waitFor();
    assert.equal(await menu.getByText('指挥体系').count(), 0, 'the Chinese menu label is still shown');
    // The choice survives a reload (localStorage + the xh_lang cookie the server reads).
    await page.reload();
    await menu.getByText('Command hierarchy').waitFor();
    const cookies = await page.context().cookies();
    assert.equal(cookies.find((c) => c.name === 'xh_lang')?.value, 'en');
    await screenshot(page, 'language-english');
  });
});
