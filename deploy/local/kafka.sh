#!/usr/bin/env bash
# The suite's one-node Kafka broker (KRaft) for deploy/local/run.sh and bench/env.sh, which source
# this file. The configuration is kafka-broker/src/main/resources/kraft-server.properties (the one
# the tests use too) with this node's ports and data directory filled in.
#   kafka_start <dir> <port> <controller port> <log dir> <pid file>
#       writes <dir>/server.properties, formats <dir>/data once (kept across restarts), starts the
#       broker in the background and returns once it answers on <port>
#   kafka_create_topics <port> <log file>    the suite's topics, 3 partitions each (if missing)
KAFKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_TEMPLATE="$KAFKA_ROOT/kafka-broker/src/main/resources/kraft-server.properties"
KAFKA_TOPICS=(participant-events group-events outcome-events)

kafka_classpath() {
  local file="$KAFKA_ROOT/kafka-broker/target/classes/kafka-broker.classpath"
  [ -f "$file" ] || { echo "$file missing: build the kafka-broker module first" >&2; return 1; }
  cat "$file"
}

kafka_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# kafka_config <dir> <port> <controller port>: the template with one node's values, on stdout
kafka_config() {
  local dir=$1 port=$2 controller=$3
  sed -e "s|@NODE_ID@|1|g" -e "s|@VOTERS@|1@127.0.0.1:$controller|g" \
      -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller|g" -e "s|@LOG_DIR@|$dir/data|g" \
      -e "s|@REPLICATION@|1|g" -e "s|@MIN_ISR@|1|g" "$KAFKA_TEMPLATE"
}

kafka_start() {
  local dir=$1 port=$2 controller=$3 logs=$4 pidfile=$5 cp
  cp="$(kafka_classpath)" || return 1
  mkdir -p "$dir" "$logs"
  kafka_config "$dir" "$port" "$controller" > "$dir/server.properties"
  if grep -v '^#' "$dir/server.properties" | grep -qE '@[A-Z_]+@'; then
    echo "unfilled value in $dir/server.properties" >&2; return 1
  fi
  if [ ! -f "$dir/data/meta.properties" ]; then
    java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$dir/server.properties" > "$logs/kafka-format.log" 2>&1
  fi
  nohup java -Xms256m -Xmx512m -cp "$cp" kafka.Kafka "$dir/server.properties" > "$logs/kafka.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 60); do kafka_port_open "$port" && return 0; sleep 1; done
  echo "Kafka did not start; see $logs/kafka.log" >&2
  return 1
}

kafka_create_topics() {
  local port=$1 log=$2 cp topic
  cp="$(kafka_classpath)" || return 1
  for topic in "${KAFKA_TOPICS[@]}"; do
    java -cp "$cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" \
      --create --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 >> "$log" 2>&1
  done
}
