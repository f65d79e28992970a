/**
 * The policy the service decides by: a snapshot of the rules directory (the registry and
 * each rule file's exact bytes), and reloading it. A reload switches only when every file
 * validates; otherwise the old snapshot stays. A request takes the snapshot once, at its
 * start, and decides by it to the end, whatever is reloaded meanwhile.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic, Result } from '../errors.js';
import { type CompiledRuleSet, contentHash, type RuleDomain, type RuleRegistry } from '../rules/index.js';
import { loadRegistry } from '../shipped.js';

/** A rule file as the service serves it: what the loader read, and the file's exact bytes. */
export interface RuleFileEntry {
  readonly info: CompiledRuleSet['info'];
  readonly bytes: Buffer;
}

/** The rules in force in the service at one moment. */
export interface PolicySnapshot {
  readonly registry: RuleRegistry;
  /** Every rule file, by {@link fileKey}. */
  readonly files: ReadonlyMap<string, RuleFileEntry>;
  /** When it was loaded (ISO time). */
  readonly loadedAt: string;
}

/** The key of a rule file in {@link PolicySnapshot.files}: id and version. */
export function fileKey(id: string, version: string): string {
  return `${id}\u0000${version}`;
}

/**
 * Loads the rules under `dir` (each file checked against its domain) with every file's
 * bytes; fails with every diagnostic when any file does not validate, or when a file
 * changed between being loaded and being read (its bytes no longer have the loaded hash).
 */
export function loadPolicy(dir: string, domains: readonly RuleDomain[]): Result<PolicySnapshot> {
  const loaded = loadRegistry(dir, { domains });
  if (!loaded.ok) return loaded;
  const registry = loaded.value;
  const files = new Map<string, RuleFileEntry>();
  const errors: Diagnostic[] = [];
  for (const id of registry.ids()) {
    for (const rs of registry.versions(id)) {
      const { info } = rs;
      if (info.file === undefined) continue;
      // the loader names a file by the directory's own name and the path below it
      const path = resolve(dirname(dir), info.file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        errors.push({ code: 'file-read', severity: 'error', file: info.file, message: `regelfilen ${info.file} kunne ikke læses igen efter indlæsningen`, hint: 'Prøv igen, når filen ikke længere ændres.' });
        continue;
      }
      if (contentHash(bytes) !== info.contentHash) {
        errors.push({ code: 'file-read', severity: 'error', file: info.file, message: `regelfilen ${info.file} blev ændret under indlæsningen`, hint: 'Prøv igen, når filen ikke længere ændres.' });
        continue;
      }
      files.set(fileKey(info.id, info.version), { info, bytes });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: Object.freeze({ registry, files, loadedAt: new Date().toISOString() }) };
}

/** The service's current snapshot, and reloading it from the same directory. */
export interface Policy {
  /** The snapshot in force now: take it once per request. */
  current(): PolicySnapshot;
  /** Loads the directory anew; switches only when every file validates, else keeps the old snapshot and returns why. */
  reload(): Result<PolicySnapshot>;
  /** The rules directory. */
  readonly dir: string;
}

/** A policy over `dir`, starting from its first load (which must succeed). */
export function createPolicy(dir: string, domains: readonly RuleDomain[], first: PolicySnapshot): Policy {
  let snapshot = first;
  return {
    dir,
    current: () => snapshot,
    reload() {
      const next = loadPolicy(dir, domains);
      if (next.ok) snapshot = next.value;
      return next;
    },
  };
}
