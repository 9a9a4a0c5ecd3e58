# syntax=docker/dockerfile:1
#
# TutorHub production image: Next.js standalone server on Node 20 (Debian bookworm, glibc,
# so the prebuilt @node-rs/argon2 binding installed by `npm ci` matches the runner).
#
#   docker build -t tutorhub .
#   docker run -p 3000:3000 -e DATABASE_URL=... -e AUTH_SECRET=... -e NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=... tutorhub
#
# Migrations in db/migrations are applied by instrumentation.ts when the server starts
# (read from process.cwd()/db/migrations, i.e. /app/db/migrations).

ARG NODE_IMAGE=node:20-bookworm-slim
# The lockfile and package.json's `allowScripts` policy are npm 11's; node:20 ships npm 10.
ARG NPM_VERSION=11.19.1

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
ARG NPM_VERSION
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NEXT_TELEMETRY_DISABLED=1 \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
RUN npm install -g "npm@${NPM_VERSION}"
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS builder
WORKDIR /app
ENV SKIP_ENV_VALIDATION=1 \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# `npm run build` also completes .next/standalone (scripts/standalone.mjs): static assets,
# public/ and db/migrations beside server.js, and nothing from a local .data/ (dev auth secret,
# PGlite files). `npm start` and the e2e suite run that same folder.
RUN npm run build \
 && test -f .next/standalone/server.js \
 && test -d .next/standalone/.next/static \
 && test -d .next/standalone/db/migrations

# ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0

# .data/ is writable only for the embedded-PGlite fallback (no DATABASE_URL).
RUN groupadd --system --gid 1001 nodejs \
 && useradd --system --uid 1001 --gid nodejs --no-create-home --shell /usr/sbin/nologin nextjs \
 && mkdir -p /app/.data \
 && chown nextjs:nodejs /app/.data

# The standalone server with its static files, public/ and the migrations it applies at start.
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
# serverExternalPackages: file tracing already includes them (plus the .next/node_modules
# hashed symlinks pointing here); copied whole to be safe (PGlite's WASM/extension bundles,
# argon2's platform-specific native binding).
COPY --from=builder --chown=nextjs:nodejs /app/node_modules/@electric-sql/pglite ./node_modules/@electric-sql/pglite
COPY --from=builder --chown=nextjs:nodejs /app/node_modules/@node-rs ./node_modules/@node-rs

USER nextjs
EXPOSE 3000

# /api/health: 200 when the database answers, 503 otherwise. No curl in slim; Node 20 has fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "server.js"]
