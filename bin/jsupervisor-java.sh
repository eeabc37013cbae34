# Sourced by the launchers in this directory: finds a Java >= 25 and the built jars.
# POSIX sh. Sets JSUP_JAVA (the java binary) and JSUP_ROOT (the checkout or install root),
# or prints one line saying what to do and exits 1.

jsup_die() {
    printf '%s\n' "$*" >&2
    exit 1
}

# The feature version of a JDK home, read from its `release` file so that no JVM has to start.
jsup_release_version() {
    [ -f "$1/release" ] || return 1
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
    [ -n "$v" ] || return 1
    printf '%s\n' "$v"
}

jsup_try_home() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
    v=$(jsup_release_version "$1") || return 1
    [ "$v" -ge 25 ] 2>/dev/null || return 1
    JSUP_JAVA="$1/bin/java"
    return 0
}

jsup_find_java() {
    if [ -n "${SUPERVISOR_JAVA:-}" ]; then
        if [ -x "$SUPERVISOR_JAVA" ] && [ ! -d "$SUPERVISOR_JAVA" ]; then
            JSUP_JAVA=$SUPERVISOR_JAVA
            return 0
        fi
        jsup_try_home "$SUPERVISOR_JAVA" && return 0
        jsup_die "jsupervisor: SUPERVISOR_JAVA=$SUPERVISOR_JAVA is not a Java 25 (or newer) runtime."
    fi
    jsup_try_home "${JAVA_HOME:-}" && return 0
    if command -v java >/dev/null 2>&1; then
        p=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
        jsup_try_home "$(dirname "$(dirname "$p")")" && return 0
    fi
    for h in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
        jsup_try_home "$h" && return 0
    done
    jsup_die "jsupervisor needs Java 25 or newer: install one (e.g. Temurin 25) or set SUPERVISOR_JAVA to its java binary."
}

jsup_find_root() {
    self=$(readlink -f "$0" 2>/dev/null || printf '%s' "$0")
    JSUP_ROOT=$(cd "$(dirname "$self")/.." && pwd)
}

# jsup_classpath MODULE: the class path for one program, from an install (lib/) or a built checkout.
jsup_classpath() {
    if [ -f "$JSUP_ROOT/lib/$1.jar" ]; then
        JSUP_CP="$JSUP_ROOT/lib/$1.jar:$JSUP_ROOT/lib/supervisor-common.jar"
    elif [ -f "$JSUP_ROOT/$1/target/$1.jar" ] && [ -f "$JSUP_ROOT/common/target/supervisor-common.jar" ]; then
        JSUP_CP="$JSUP_ROOT/$1/target/$1.jar:$JSUP_ROOT/common/target/supervisor-common.jar"
        if [ -d "$JSUP_ROOT/$1/target/lib" ]; then
            for j in "$JSUP_ROOT/$1/target/lib"/*.jar; do
                [ -f "$j" ] && JSUP_CP="$JSUP_CP:$j"
            done
        fi
    else
        jsup_die "jsupervisor is not built yet: run 'mvn -q -B package -DskipTests' in $JSUP_ROOT first."
    fi
}
