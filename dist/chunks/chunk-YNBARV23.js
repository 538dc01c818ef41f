import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;

// src/modes/baseline-location.ts
function resolveBaselinePath(pattern, environment, env, hostname) {
  const gpu = environment.gpu?.devices[0]?.name ?? "cpu";
  return pattern.replaceAll("{runner}", slug(env.RUNNER_NAME ?? hostname)).replaceAll("{gpu}", slug(gpu));
}
function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "unknown";
}

export {
  resolveBaselinePath
};
