# One image, two commands: `bot` (chat endpoints) and `worker` (Temporal workflows and activities).
# Production runs on Node 24 LTS; the code also runs on Node 20 (CI tests both).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN npm ci --omit=dev --ignore-scripts && npx --yes prisma@7.10.1 generate && npm cache clean --force

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/prisma/generated prisma/generated
COPY package.json tsconfig.json ./
COPY bot bot
COPY workflows workflows
COPY activities activities
COPY prisma prisma
# bot/ includes the in-memory Temporal engine (bot/local-temporal/engine) that local mode falls back to;
# production always sets TEMPORAL_ADDRESS, so it is never started here.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "bot/main.ts"]
