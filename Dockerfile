# syntax=docker/dockerfile:1
#
# The caimira-ts server as a container image: the server bundled (minified, split into
# chunks that each thread loads as it needs them: the report workers load the report
# code, the main thread the HTTP server) on Deno's distroless image, run as a non-root
# user, listening on 0.0.0.0:8088. The image also holds the batch-sweep command
# (/app/sweep/main.js, see deploy/k8s/sweep/). Build and run:
#
#   docker build -t caimira-ts:0.1.0 .
#   docker run --rm -p 8088:8088 caimira-ts:0.1.0
#
# Checked offline by `deno task check:deploy` (scripts/check_deploy.ts).

# The Deno release the repository is tested with (.ci/run runs deno@2.9.6).
ARG DENO_VERSION=2.9.6

# --- build: the npm dependencies from deno.lock, then the two bundles -------------------
FROM denoland/deno:${DENO_VERSION} AS build
WORKDIR /build
COPY deno.json deno.lock ./
COPY src/ src/
RUN deno bundle --frozen --quiet --code-splitting --minify --keep-names \
    --outdir dist/server src/server/main.ts \
  && deno bundle --frozen --quiet --code-splitting --minify --keep-names \
    --outdir dist/sweep src/sweep/main.ts \
  && deno run --allow-read --allow-env --allow-net dist/server/main.js --help \
  && deno run --allow-read --allow-env dist/sweep/main.js --help

# --- runtime: Deno and the bundles only -------------------------------------------------
FROM denoland/deno:distroless-${DENO_VERSION}
COPY --from=build /build/dist/server/ /app/server/
COPY --from=build /build/dist/sweep/ /app/sweep/
# MALLOC_MMAP_THRESHOLD_: glibc maps large blocks (a report's response) instead of keeping
# them in its heaps once freed (SERVER_ENV in src/server/options.ts).
# Any non-root user works (OpenShift assigns its own); 65532 is distroless' "nonroot".
USER 65532:65532
ENV HOST=0.0.0.0 \
    PORT=8088 \
    DENO_DIR=/tmp/deno-dir \
    DENO_NO_UPDATE_CHECK=1 \
    NO_COLOR=1 \
    MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 8088
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/bin/deno", "eval", "const r = await fetch(`http://127.0.0.1:${Deno.env.get('PORT')}/health`); Deno.exit(r.ok ? 0 : 1)"]
# tini (in Deno's image) forwards SIGTERM: the server then finishes the reports in flight.
ENTRYPOINT ["/tini", "--", "/bin/deno", "run", "--no-prompt", "--v8-flags=--max-semi-space-size=2,--expose-gc", "--allow-net", "--allow-env", "--allow-read", "/app/server/main.js"]
