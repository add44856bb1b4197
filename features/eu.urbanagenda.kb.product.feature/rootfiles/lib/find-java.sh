# Finds a Java runtime of version 21 or newer, for the build (./mvnw, ./kb) and for the product's
# start script alike. Sourced, not run. Order: JAVA_HOME if it is 21+, else the newest 21+ under
# /usr/lib/jvm, else `java` on the PATH if it is 21+. On success sets KB_JAVA_HOME; otherwise prints one
# line saying what is needed and returns 1. The start script runs this on every start: the common case
# (a `release` file in each Java home) starts no process.

KB_MIN_JAVA=21

# Sets kb_v to the feature version (17, 21, 25, ...) of the Java home $1, or to nothing.
kb_java_feature() {
    kb_v=
    [ -x "$1/bin/java" ] || return 0
    if [ -r "$1/release" ]; then
        while IFS= read -r line; do
            case $line in
                JAVA_VERSION=\"[0-9]*)
                    kb_v=${line#JAVA_VERSION=\"}
                    kb_v=${kb_v%%[!0-9]*}
                    return 0
                    ;;
            esac
        done < "$1/release"
    fi
    kb_v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9][0-9]*\).*/\1/p')
}

# Prints the feature version of the Java home $1, or nothing.
kb_java_version() {
    kb_java_feature "$1"
    [ -z "$kb_v" ] || echo "$kb_v"
}

# $1 = "jdk" when a compiler is needed too, "jre" otherwise.
kb_find_java() {
    need=${1:-jre}
    KB_JAVA_HOME=
    ok() { # $1 = a Java home; true when it is new enough and complete enough (its version in kb_v)
        kb_java_feature "$1"
        [ -n "$kb_v" ] && [ "$kb_v" -ge "$KB_MIN_JAVA" ] || return 1
        [ "$need" = jre ] || [ -x "$1/bin/javac" ]
    }
    if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then
        KB_JAVA_HOME=$JAVA_HOME
        return 0
    fi
    best= bestv=0
    for home in /usr/lib/jvm/*; do
        [ -d "$home" ] && [ ! -L "$home" ] || continue
        if ok "$home" && [ "$kb_v" -gt "$bestv" ]; then
            best=$home bestv=$kb_v
        fi
    done
    if [ -n "$best" ]; then
        KB_JAVA_HOME=$best
        return 0
    fi
    if command -v java >/dev/null 2>&1; then
        home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        if ok "$home"; then
            KB_JAVA_HOME=$home
            return 0
        fi
    fi
    found=${JAVA_HOME:+JAVA_HOME=$JAVA_HOME is Java $(kb_java_version "$JAVA_HOME"); }
    found="$found$(command -v java >/dev/null 2>&1 && echo "java on PATH is $(java -version 2>&1 | head -1)")"
    echo "urbanagenda-kb: needs a Java $KB_MIN_JAVA+ $(echo "$need" | tr a-z A-Z); set JAVA_HOME to one (${found:-no Java found})." >&2
    return 1
}
