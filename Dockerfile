# Two stages: a JDK builds the jar, a smaller JRE runs it. Needs BuildKit (default since Docker 23)
# for the cache mount.
# Tags are pinned (JDK update + Ubuntu release) so a rebuild gives the same runtime.

FROM eclipse-temurin:17.0.13_11-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# sql/ is needed at build time: jOOQ generates its classes from the migrations
COPY sql/ sql/
COPY src/ src/
# the cache mount keeps ~/.m2 between builds without putting it into an image layer
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
 && cp target/ukp-monitor-*.jar /ukp-monitor.jar

FROM eclipse-temurin:17.0.13_11-jre-noble
# not root: the service needs no privileges; data/ is writable for the embedded mode only
RUN groupadd --system ukp \
 && useradd --system --gid ukp --home-dir /app --no-create-home --shell /usr/sbin/nologin ukp \
 && mkdir -p /app/data \
 && chown ukp:ukp /app/data
WORKDIR /app
COPY --from=build /ukp-monitor.jar /app/ukp-monitor.jar
USER ukp
EXPOSE 8080
# an OutOfMemoryError ends the JVM (exit status 3) instead of leaving a process with its port open
# that answers nothing; compose's restart policy then starts a fresh one
ENTRYPOINT ["java","-XX:+ExitOnOutOfMemoryError","-jar","/app/ukp-monitor.jar"]
