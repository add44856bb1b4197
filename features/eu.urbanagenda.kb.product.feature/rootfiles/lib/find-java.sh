# Finds a Java runtime of version 21 or newer, for the build (./mvnw, ./kb) and for the product's
# start script alike. Sourced, not run. Order: JAVA_HOME if it is 21+, else the newest 21+ under
# /usr/lib/jvm, else `java` on the PATH if it is 21+. On success sets KB_JAVA_HOME; otherwise prints one
# line saying what is needed and returns 1.

KB_MIN_JAVA=21

# Prints the feature version (17, 21, 25, ...) of the Java home $1, or nothing.
kb_java_version() {
    [ -x "$1/bin/java" ] || return 0
    if [ -r "$1/release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
        [ -n "$v" ] && { echo "$v"; return 0; }
    fi
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9][0-9]*\).*/\1/p'
}

# $1 = "jdk" when a compiler is needed too, "jre" otherwise.
kb_find_java() {
    need=${1:-jre}
    KB_JAVA_HOME=
    ok() { # $1 = a Java home; true when it is new enough and complete enough
        v=$(kb_java_version "$1")
        [ -n "$v" ] && [ "$v" -ge "$KB_MIN_JAVA" ] || return 1
        [ "$need" = jre ] || [ -x "$1/bin/javac" ]
    }
    if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then
        KB_JAVA_HOME=$JAVA_HOME
        return 0
    fi
    best= bestv=0
    for home in /usr/lib/jvm/*; do
        [ -d "$home" ] && [ ! -L "$home" ] || continue
        if ok "$home"; then
            v=$(kb_java_version "$home")
            if [ "$v" -gt "$bestv" ]; then best=$home bestv=$v; fi
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
