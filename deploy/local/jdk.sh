# Sourced (never run): makes JDK 25 the java of the calling script when the current one is older, so the build, the
# local platform and the benches use the JDK the applications and their AOT caches are made for. Looks for a JDK
# 25 or later under /usr/lib/jvm (and $TORN_JDK_HOME, when set) and exports JAVA_HOME and PATH. POSIX sh, no set -e
# assumptions: mvnw sources it too.
torn_java_feature() { # java executable -> its feature version (17, 21, 25, ...), 0 when it does not run
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' \
    | head -n 1 | grep . || echo 0
}
torn_current_java="java"
[ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && torn_current_java="$JAVA_HOME/bin/java"
if ! command -v "$torn_current_java" >/dev/null 2>&1 || [ "$(torn_java_feature "$torn_current_java")" -lt 25 ]; then
  for torn_jdk in ${TORN_JDK_HOME-} /usr/lib/jvm/*25* /usr/lib/jvm/*26* /usr/lib/jvm/*; do
    if [ -x "$torn_jdk/bin/javac" ] && [ "$(torn_java_feature "$torn_jdk/bin/java")" -ge 25 ]; then
      JAVA_HOME="$torn_jdk"
      PATH="$JAVA_HOME/bin:$PATH"
      export JAVA_HOME PATH
      break
    fi
  done
fi
unset torn_current_java torn_jdk
