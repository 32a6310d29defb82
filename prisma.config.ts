import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env. DATABASE_URL may be unset (local mode starts an embedded PostgreSQL and
// `prisma generate` needs no database), so fall back to "" instead of env("DATABASE_URL"), which throws.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
