# Sourced (never run): the JVM options the local platform runs the applications with, so up.sh and the startup bench
# measure the same thing. Small heaps and a C1-only JIT keep five JVMs comfortable on a 2-core laptop; the heap gives
# memory back after a collection when more than 20 % of it is free (about 20 MB less RSS per service,
# bench/RESULTS.md). An exported JVM_OPTS wins. The training runs repeat them, without the metaspace cap, in
# quarkus.test.arg-line (Maven configuration, which cannot read this file).
JVM_OPTS="${JVM_OPTS:--Xms32m -Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -Xss512k -XX:TieredStopAtLevel=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20}"
