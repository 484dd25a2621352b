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
import java.util.regex.Pattern;

/**
 * Example HR integration of one RHF: authenticates to the event bus with its Keycloak client (client credentials,
 * SASL OAUTHBEARER) and follows its RHF's topics ({@code torn.<rhf>.*}) and the national ones
 * ({@code torn.national.*}), optionally printing some event types only. The broker lets the client read nothing
 * else. Events are CloudEvents 1.0 in structured JSON mode.
 *
 * <pre>
 * REALM=http://localhost:8180/realms/torn
 * java -cp ".cache/kafka-4.1.2/libs/*" \
 *      -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=$REALM/protocol/openid-connect/token \
 *      deploy/examples/HrEventConsumer.java helse-vest \
 *      no.torn.competence.record-expired.v1 no.torn.responsibility.delegation-suspended.v1
 * </pre>
 * Environment: KAFKA (bootstrap servers, default 127.0.0.1:9092), REALM (default as above), CLIENT_SECRET (the
 * client's secret; the demo realm's by default).
 */
public class HrEventConsumer {

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: HrEventConsumer <rhf> [event type ...]");
            System.exit(2);
        }
        String rhf = args[0];
        String client = "hr-integration-" + rhf;
        String realm = System.getenv().getOrDefault("REALM", "http://localhost:8180/realms/torn");
        Set<String> types = Set.copyOf(List.of(args).subList(1, args.length));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA", "127.0.0.1:9092"));
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "OAUTHBEARER");
        config.put("sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        config.put("sasl.oauthbearer.token.endpoint.url", realm + "/protocol/openid-connect/token");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        config.put("sasl.oauthbearer.client.credentials.client.id", client);
        config.put("sasl.oauthbearer.client.credentials.client.secret",
                System.getenv().getOrDefault("CLIENT_SECRET", client + "-secret"));
        // The broker allows consumer groups whose names start with the client id.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, client + ".example");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            // The RHF's event topics and the national ones; not the dead-letter topics.
            consumer.subscribe(Pattern.compile("torn\\.(" + Pattern.quote(rhf) + "|national)\\.[a-z]+\\.v1"));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode event;
                    try {
                        event = json.readTree(record.value());
                    } catch (Exception notJson) {
                        continue; // not a CloudEvent: nothing for an HR system
                    }
                    String type = event.path("type").asText();
                    if (!types.isEmpty() && !types.contains(type)) {
                        continue;
                    }
                    // Deliveries are at-least-once: a real integration remembers event.id to skip repeats.
                    System.out.printf("%s %s %s subject=%s id=%s data=%s%n", record.topic(), event.path("time").asText(),
                            type, event.path("subject").asText(), event.path("id").asText(), event.path("data"));
                }
            }
        }
    }
}
