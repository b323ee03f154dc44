package io.pciledger.query.groups;

import io.pciledger.query.auth.Principal;
import io.pciledger.query.view.CloudViews;
import io.pciledger.schemas.group.GroupRegistration;
import io.pciledger.schemas.group.Visibility;
import io.pciledger.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Registers, changes and removes group registrations in {@code pci.groups} (key group; its history is the audit of
 * ownership changes). Admins may do anything; a tenant may change the visibility and description of a group it
 * owns, but not give it away, not take a group over, and not register a new one (else any tenant could make a
 * shared public group private to itself).
 *
 * <p>A change returns once the broker has it and this instance's view shows it, so the caller reads its write.
 *
 * @throws SecurityException        from a change the caller may not make
 * @throws IllegalArgumentException from a change that is malformed
 */
public final class GroupRegistrar implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, GroupRegistration> producer;
    private final CloudViews views;
    private final Duration wait;
    private final Clock clock;

    /**
     * A registration as asked for.
     *
     * @param group       the group
     * @param ownerTenant the owner tenant, or null to keep it
     * @param visibility  public or private
     * @param description free text, or null
     */
    public record Change(String group, String ownerTenant, Visibility visibility, String description) {

        public static Change parse(final String group, final String ownerTenant, final String visibility,
                final String description) {
            if (visibility == null) {
                throw new IllegalArgumentException("'visibility' is required: public or private");
            }
            final Visibility parsed = switch (visibility.toLowerCase(Locale.ROOT)) {
                case "public" -> Visibility.PUBLIC;
                case "private" -> Visibility.PRIVATE;
                default -> throw new IllegalArgumentException("'visibility' must be public or private, not '"
                        + visibility + "'");
            };
            if (ownerTenant != null && ownerTenant.isBlank()) {
                throw new IllegalArgumentException("'owner_tenant' must not be blank");
            }
            return new Change(group, ownerTenant, parsed, description);
        }
    }

    public GroupRegistrar(final String topic, final Map<String, Object> clientProperties, final CloudViews views,
            final Duration wait, final Clock clock) {
        this.topic = topic;
        this.views = views;
        this.wait = wait;
        this.clock = clock;
        final Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), Topics.GROUPS.valueSerde().serializer());
    }

    public void register(final Principal principal, final Change change) throws Exception {
        final GroupRegistration current = views.registrations().get(change.group());
        final String owner;
        if (principal.isAdmin()) {
            owner = change.ownerTenant() != null ? change.ownerTenant()
                    : current != null ? current.getOwnerTenant() : null;
        } else {
            if (current == null || !principal.tenant().equals(current.getOwnerTenant())) {
                throw new SecurityException("only an admin may register group '" + change.group()
                        + "'; a tenant may change only groups it owns");
            }
            if (change.ownerTenant() != null && !change.ownerTenant().equals(principal.tenant())) {
                throw new SecurityException("only an admin may give group '" + change.group() + "' to another tenant");
            }
            owner = principal.tenant();
        }
        if (change.visibility() == Visibility.PRIVATE && owner == null) {
            throw new IllegalArgumentException("a private group needs an 'owner_tenant'");
        }
        write(new GroupRegistration(change.group(), owner, change.visibility(), change.description(), false,
                clock.instant(), principal.tenant()));
    }

    public void unregister(final Principal principal, final String group) throws Exception {
        final GroupRegistration current = views.registrations().get(group);
        if (current == null) {
            throw new java.util.NoSuchElementException("group '" + group + "' is not registered");
        }
        if (!principal.isAdmin() && !principal.tenant().equals(current.getOwnerTenant())) {
            throw new SecurityException("only an admin or the owner may remove the registration of '" + group + "'");
        }
        write(new GroupRegistration(group, current.getOwnerTenant(), current.getVisibility(),
                current.getDescription(), true, clock.instant(), principal.tenant()));
    }

    private void write(final GroupRegistration registration) throws Exception {
        producer.send(new ProducerRecord<>(topic, registration.getGroup(), registration))
                .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        final long deadline = System.nanoTime() + wait.toNanos();
        while (!shown(registration) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private boolean shown(final GroupRegistration registration) {
        final GroupRegistration held = views.registrations().get(registration.getGroup());
        return registration.getDeleted() ? held == null : Objects.equals(held, registration);
    }

    @Override
    public void close() {
        producer.close();
    }
}
