# One image recipe for every ModelPort service: docker build --build-arg MODULE=gateway .
# Stage "build" compiles all modules once (shared by every service's build); the service stage
# keeps one. With --build-arg JARS=prebuilt the jars come from the context instead (run
# ./mvnw -B package -DskipTests first): no Maven inside Docker, the "build" stage is skipped.
# --target demo builds the one-shot image that trains the demo model and deploys it.
ARG JARS=build

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support/pom.xml test-support/
COPY embedded-db/pom.xml embedded-db/
COPY service-support/pom.xml service-support/
COPY registry/pom.xml registry/
COPY config-server/pom.xml config-server/
COPY auth-service/pom.xml auth-service/
COPY gateway/pom.xml gateway/
COPY model-service/pom.xml model-service/
COPY admin-ui/pom.xml admin-ui/
COPY platform-client/pom.xml platform-client/
COPY cli/pom.xml cli/
COPY demo-model/pom.xml demo-model/
COPY bench/pom.xml bench/
COPY e2e/pom.xml e2e/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline -pl '!e2e' || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package -pl '!e2e,!embedded-db,!bench' \
 && mkdir /jars && for jar in */target/*.jar; do cp "$jar" /jars/; done

# the jars of a build outside Docker (.dockerignore lets */target/*.jar into the context)
FROM scratch AS prebuilt
COPY registry/target/registry.jar config-server/target/config-server.jar auth-service/target/auth-service.jar \
     gateway/target/gateway.jar model-service/target/model-service.jar admin-ui/target/admin-ui.jar \
     cli/target/cli.jar demo-model/target/demo-model.jar /jars/

FROM ${JARS} AS jars

FROM eclipse-temurin:25-jre AS runtime
# curl for the healthchecks (Temurin's images have it; installed where a base lacks it)
RUN (command -v curl >/dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*)) \
 && useradd --system --uid 10001 modelport
WORKDIR /app

# Trains the Iris demo and deploys it through the gateway unless it is there (docker-compose's
# "demo" service; MODELPORT_DEMO=false skips it).
FROM runtime AS demo
COPY --from=jars /jars/cli.jar /jars/demo-model.jar /app/
COPY docker/install-demo /app/install-demo
USER modelport
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
ENTRYPOINT ["/app/install-demo"]

FROM runtime AS service
ARG MODULE
RUN test -n "$MODULE" || (echo "build with --build-arg MODULE=<service>" && exit 1)
COPY --from=jars /jars/${MODULE}.jar /tmp/service.jar
# Extracted layout + a JDK 25 AOT cache from a training start: the container starts in a
# fraction of the time (see bin/platform for the same trick locally).
# (extract names the launcher jar after its input: /app/service.jar, its libraries in /app/lib)
RUN java -Djarmode=tools -jar /tmp/service.jar extract --destination /app && rm /tmp/service.jar \
 && (MODELPORT_INFRA_PASSWORD=training MODELPORT_ADMIN_PASSWORD=training MODELPORT_CLI_SECRET=training \
     MODELPORT_CONSOLE_SECRET=training CONFIG_SERVER_URL=http://127.0.0.1:9/ EUREKA_PORT=9 CONFIG_GIT_URI=/tmp SERVER_PORT=0 \
     java -XX:+UseSerialGC -XX:AOTCacheOutput=/app/service.aot -Dspring.context.exit=onRefresh -jar /app/service.jar \
     >/tmp/training.log 2>&1 || true) && rm -f /tmp/training.log
USER modelport
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 --enable-native-access=ALL-UNNAMED"
ENTRYPOINT ["sh", "-c", "if [ -f /app/service.aot ]; then exec java -XX:AOTCache=/app/service.aot -jar /app/service.jar; else exec java -jar /app/service.jar; fi"]
