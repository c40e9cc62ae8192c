# syntax=docker/dockerfile:1
# Wheelhouse: one image, the production build only.
#   build    node:24-slim + pnpm: the same two commands CI runs (pnpm install --frozen-lockfile, pnpm build)
#   runtime  node:24-slim with apps/bff/dist/server.mjs (every dependency bundled) and apps/web/dist,
#            as a numeric non-root user, writing nothing outside /tmp (readOnlyRootFilesystem-friendly)
# Checked by scripts/deploy-check.sh (apps/bff/test/deploy/image.deploy.ts): directives, the build stage
# replayed without Docker, and the built output run with this ENV, USER, CMD and HEALTHCHECK.

# Any node:24 slim variant (both stages need node and npm).
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
# The pnpm version the workspace pins (package.json "packageManager", scripts/toolchain.sh).
ARG PNPM_VERSION=10.34.9
RUN npm install --global --no-audit --no-fund --loglevel=error "pnpm@${PNPM_VERSION}"
WORKDIR /src
# Dependencies first, so a source-only change reuses this layer.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store pnpm fetch
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store pnpm install --frozen-lockfile --offline
RUN pnpm build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY --from=build --chown=0:0 /src/apps/bff/dist/server.mjs /src/apps/bff/dist/server.mjs.LEGAL.txt ./
COPY --from=build --chown=0:0 /src/apps/web/dist ./public
# Files belong to root and are read-only to the app user; HOME points at the only writable place.
ENV NODE_ENV=production \
    HOME=/tmp \
    WHEELHOUSE_HOST=0.0.0.0 \
    WHEELHOUSE_PORT=7070 \
    WHEELHOUSE_STATIC_DIR=/app/public
USER 10001:10001
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WHEELHOUSE_PORT||7070)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.mjs"]
