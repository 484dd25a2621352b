# Sourced (never run): makes JDK 25 the java of the calling script when the current one is older, so the build, the
# local platform and the benches use the JDK the applications and their AOT caches are made for. Keeps JAVA_HOME
# (or the java on the PATH) when it is 25 or later; else picks one under $TORN_JDK_HOME or /usr/lib/jvm. Exports
# JAVA_HOME and puts its bin first on the PATH. POSIX sh; mvnw sources it before its own `set -euf`.
torn_java_feature() { # java executable -> its feature version (17, 21, 25, ...), 0 when it does not run
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' \
    | head -n 1 | grep . || echo 0
}
torn_jdk=""
if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(torn_java_feature "$JAVA_HOME/bin/java")" -ge 25 ]; then
  torn_jdk="$JAVA_HOME"
elif [ -z "${JAVA_HOME-}" ] && command -v java >/dev/null 2>&1 && [ "$(torn_java_feature java)" -ge 25 ]; then
  torn_jdk=""  # the java on the PATH will do
else
  for torn_candidate in ${TORN_JDK_HOME-} /usr/lib/jvm/*; do
    if [ -x "$torn_candidate/bin/javac" ] && [ "$(torn_java_feature "$torn_candidate/bin/java")" -ge 25 ]; then
      torn_jdk="$torn_candidate"
      break
    fi
  done
fi
if [ -n "$torn_jdk" ]; then
  JAVA_HOME="$torn_jdk"
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
fi
unset torn_jdk torn_candidate
