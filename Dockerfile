# One image for the API and the worker; the command picks the role.
# tsx runs the service's TypeScript directly; the solver's threads run its compiled bundle
# (dist/solver, built here so the image never writes to /app). node runs as PID 1 and gets SIGTERM itself.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx is a runtime dependency; dev tools (tests, biome) are left out.
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY config ./config
COPY shared ./shared
COPY services ./services
COPY workers ./workers
COPY data ./data
COPY tsconfig.json ./
RUN node shared/infra/solver-bundle/build.cjs
USER node
EXPOSE 8080
CMD ["node", "--import", "tsx", "services/api/main.ts"]
