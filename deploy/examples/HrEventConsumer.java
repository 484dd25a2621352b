import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Example HR integration: follows the TØRN topics and prints the events of one RHF, optionally of some types only.
 * Events are CloudEvents 1.0 in structured JSON mode; the extension attribute {@code rhf} names the tenant.
 *
 * <pre>
 * java -cp ".cache/kafka-4.1.2/libs/*" deploy/examples/HrEventConsumer.java helse-vest \
 *      no.torn.competence.record-expired.v1 no.torn.responsibility.delegation-suspended.v1
 * </pre>
 */
public class HrEventConsumer {

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: HrEventConsumer <rhf> [event type ...]");
            System.exit(2);
        }
        String rhf = args[0];
        Set<String> types = Set.copyOf(List.of(args).subList(1, args.length));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA", "127.0.0.1:9092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hr-example-" + rhf);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("torn.competence.v1", "torn.task.v1", "torn.responsibility.v1", "torn.grants.v1"));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event;
                    try {
                        event = json.readTree(record.value());
                    } catch (Exception notJson) {
                        continue; // not a CloudEvent: nothing for an HR system
                    }
                    if (!rhf.equals(event.path("rhf").asText())) {
                        continue;
                    }
                    String type = event.path("type").asText();
                    if (!types.isEmpty() && !types.contains(type)) {
                        continue;
                    }
                    // Deliveries are at-least-once: a real integration remembers event.id to skip repeats.
                    System.out.printf("%s %s subject=%s id=%s data=%s%n", event.path("time").asText(), type,
                            event.path("subject").asText(), event.path("id").asText(), event.path("data"));
                }
            }
        }
    }
}
