import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to this machine only, port 8080, ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, dataDir: path.resolve('data'), lan: false, tls: undefined });
  });

  it('listens on every interface in LAN mode unless HOST says otherwise', () => {
    expect(loadConfig({ ACCORD_LAN: 'true' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ACCORD_LAN: '1', HOST: '192.168.1.20' }).host).toBe('192.168.1.20');
  });

  it('names the variable of every bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty', ACCORD_SYNCHRONOUS: 'OFF' })).toThrow(/PORT[\s\S]*ACCORD_SYNCHRONOUS/);
    expect(() => loadConfig({ ACCORD_ORGANISER_TOKEN: 'short' })).toThrow(ConfigError);
  });

  it('wants the TLS certificate and key together', () => {
    expect(() => loadConfig({ ACCORD_TLS_CERT: 'cert.pem' })).toThrow(/ACCORD_TLS_CERT and ACCORD_TLS_KEY/);
    expect(loadConfig({ ACCORD_TLS_CERT: 'cert.pem', ACCORD_TLS_KEY: 'key.pem' }).tls).toEqual({
      certFile: path.resolve('cert.pem'),
      keyFile: path.resolve('key.pem'),
    });
  });

  it('keeps the origins of ACCORD_ALLOWED_ORIGINS and names a bad one', () => {
    expect(loadConfig({ ACCORD_ALLOWED_ORIGINS: 'https://drafts.example.org/, http://10.0.0.5:8080' }).allowedOrigins).toEqual([
      'https://drafts.example.org',
      'http://10.0.0.5:8080',
    ]);
    expect(() => loadConfig({ ACCORD_ALLOWED_ORIGINS: 'drafts.example.org:443' })).toThrow(/ACCORD_ALLOWED_ORIGINS/);
  });

  it('uses PostgreSQL only when ACCORD_DATABASE_URL names a PostgreSQL server', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ ACCORD_DATABASE_URL: 'postgres://accord@db:5432/accord' }).databaseUrl).toBe('postgres://accord@db:5432/accord');
    expect(loadConfig({ ACCORD_DATABASE_URL: 'postgresql://db/accord' }).databaseUrl).toBe('postgresql://db/accord');
    expect(() => loadConfig({ ACCORD_DATABASE_URL: 'mysql://db/accord' })).toThrow(/ACCORD_DATABASE_URL/);
  });

  it('sends e-mail only when ACCORD_SMTP_URL names an SMTP server', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(loadConfig({ ACCORD_SMTP_URL: 'smtp://mail.venue.org:587' }).smtp).toEqual({ url: 'smtp://mail.venue.org:587', from: 'Accord <accord@localhost>' });
    expect(() => loadConfig({ ACCORD_SMTP_URL: 'http://mail.venue.org' })).toThrow(/ACCORD_SMTP_URL/);
  });

  it('takes a redis:// or rediss:// ACCORD_REDIS_URL and says so of anything else', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    const ACCORD_DATABASE_URL = 'postgres://accord@db.internal/accord';
    expect(loadConfig({ ACCORD_DATABASE_URL, ACCORD_REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ ACCORD_DATABASE_URL, ACCORD_REDIS_URL: 'rediss://:secret@cache.internal:6380/2' }).redisUrl).toBe(
      'rediss://:secret@cache.internal:6380/2',
    );
    for (const bad of ['http://cache.internal:6379', 'cache.internal:6379', '']) {
      expect(() => loadConfig({ ACCORD_DATABASE_URL, ACCORD_REDIS_URL: bad })).toThrow(/ACCORD_REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    }
  });

  it('refuses ACCORD_REDIS_URL without ACCORD_DATABASE_URL: a cluster cannot share SQLite', () => {
    expect(() => loadConfig({ ACCORD_REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/ACCORD_REDIS_URL needs ACCORD_DATABASE_URL/);
  });
});
