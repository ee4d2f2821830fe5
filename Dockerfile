# Vigil as a container: `docker build -t vigil .` then see the README ("Docker").
# Node 22 is the current LTS line; the package also runs on 20.18.1 or later (--build-arg NODE_VERSION=20).
ARG NODE_VERSION=22

# Build stage: every dependency, the TypeScript compiler, `dist/`.
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci wants every workspace named in the lock file; the sandbox is a test-only workspace.
COPY packages/github-sandbox/package.json packages/github-sandbox/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the compiled app, nothing else of the build.
FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Data the app reads at run time: the shipped issue form and post-mortem template, the manifest, the CLI launcher.
COPY templates ./templates
COPY app.yml ./
COPY bin ./bin
# The image's unprivileged user; the app writes nothing to disk.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/vigil/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start`: a 4 MB young generation, no pretenuring and an old generation allowed to grow to
# twice what survived the last full GC keep the server near 130 MB (README, Scale).
CMD ["node", "--max-semi-space-size=4", "--no-allocation-site-pretenuring", "--heap-growing-percent=100", "dist/src/server.js"]
