# Sourced by the launchers in this directory: finds a Java >= 25 and the built jars.
# POSIX sh. Sets JSUP_JAVA (the java binary) and JSUP_ROOT (the checkout or install root),
# or prints one line saying what to do and exits 1.
#
# Every launch runs this, so it starts no process in the common case: shell builtins read the JDKs'
# `release` files and walk PATH (each fork+exec of sed, dirname or readlink cost ~1-2 ms, ~28 ms in all
# before). readlink runs only to follow a symlink (the launcher itself, or a `java` on PATH that is one).
#
# The launchers first set jsup_bin, the directory holding the launcher (through any symlink to it):
#   jsup_bin=$0
#   [ -L "$jsup_bin" ] && jsup_bin=$(readlink -f "$jsup_bin" 2>/dev/null || printf '%s' "$jsup_bin")
#   case $jsup_bin in */*) jsup_bin=${jsup_bin%/*} ;; *) jsup_bin=. ;; esac

jsup_die() {
    printf '%s\n' "$*" >&2
    exit 1
}

# Sets jsup_v to the feature version of the JDK home $1, read from its `release` file so that no JVM has to
# start: the digits at the start of the first JAVA_VERSION="..." that has some.
jsup_release_version() {
    jsup_v=
    [ -f "$1/release" ] || return 1
    while IFS= read -r jsup_line || [ -n "$jsup_line" ]; do
        case $jsup_line in
            JAVA_VERSION=*)
                jsup_v=${jsup_line#JAVA_VERSION=}
                jsup_v=${jsup_v#\"}
                jsup_v=${jsup_v%%[!0-9]*}
                [ -n "$jsup_v" ] && return 0
                ;;
        esac
    done < "$1/release"
    return 1
}

jsup_try_home() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
    jsup_release_version "$1" || return 1
    [ "$jsup_v" -ge 25 ] 2>/dev/null || return 1
    JSUP_JAVA="$1/bin/java"
    return 0
}

# The first executable `java` on PATH, like `command -v java` but without a subshell; empty if none.
jsup_path_java() {
    jsup_p=
    jsup_ifs=$IFS
    IFS=:
    set -f
    for jsup_d in $PATH; do
        if [ -f "${jsup_d:-.}/java" ] && [ -x "${jsup_d:-.}/java" ]; then
            jsup_p=${jsup_d:-.}/java
            break
        fi
    done
    set +f
    IFS=$jsup_ifs
}

# Where JDKs are usually installed, searched after SUPERVISOR_JAVA, JAVA_HOME and PATH.
JSUP_HOMES='/usr/lib/jvm/* /opt/java/* /opt/jdk*'

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
    jsup_path_java
    if [ -n "$jsup_p" ]; then
        # A JDK's own bin directory on PATH: its home is right there.
        case $jsup_p in
            */bin/java) jsup_try_home "${jsup_p%/bin/java}" && return 0 ;;
        esac
        # A symlink such as Debian's /usr/bin/java (alternatives): its JDK is usually one of the usual homes,
        # found with `test -ef` (same file); readlink only when it is none of them.
        if [ -L "$jsup_p" ]; then
            for jsup_h in $JSUP_HOMES; do
                if [ "$jsup_p" -ef "$jsup_h/bin/java" ]; then
                    jsup_try_home "$jsup_h" && return 0
                    jsup_p=
                    break
                fi
            done
        fi
        if [ -L "$jsup_p" ]; then
            jsup_p=$(readlink -f "$jsup_p" 2>/dev/null) || jsup_p=
            case $jsup_p in
                */bin/java) jsup_try_home "${jsup_p%/bin/java}" && return 0 ;;
            esac
        fi
    fi
    for jsup_h in $JSUP_HOMES; do
        jsup_try_home "$jsup_h" && return 0
    done
    jsup_die "jsupervisor needs Java 25 or newer: install one (e.g. Temurin 25) or set SUPERVISOR_JAVA to its java binary."
}

# JSUP_ROOT: the parent of jsup_bin, as an absolute path without . or .. (the AOT cache's class path must
# match the one it was made with, and messages name the root). Plain string work when jsup_bin is already
# such a path, a subshell otherwise.
jsup_find_root() {
    case $jsup_bin in
        */./* | */../* | */. | */.. | //*) JSUP_ROOT=$(cd "$jsup_bin/.." && pwd) ;;
        /?*/bin) JSUP_ROOT=${jsup_bin%/bin} ;;
        *) JSUP_ROOT=$(cd "$jsup_bin/.." && pwd) ;;
    esac
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

# Execs $JSUP_JAVA with the remaining arguments and the signals named in $1 (comma-separated) blocked in every
# JVM thread from the start, HotSpot kept off them (-Xrs) and its suspend signal moved off USR2 (39, the value
# jsupervisor.daemon.pidproxy.Reexec uses), so that the program reads them from a signalfd. coreutils env
# (8.31+) does the blocking; where it cannot (older coreutils, busybox), the JVM starts plainly and the program
# re-executes itself once to get there, which costs a whole second JVM start-up (about 150 ms).
jsup_exec_with_blocked_signals() {
    jsup_blocked=$1
    shift
    if env --block-signal=HUP true >/dev/null 2>&1; then
        exec env --block-signal="$jsup_blocked" _JAVA_SR_SIGNUM=39 "$JSUP_JAVA" -Xrs "$@"
    fi
    exec "$JSUP_JAVA" "$@"
}
