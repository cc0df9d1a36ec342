package org.lantern.server.registers.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.http.SchoolTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset register of school devices: entering, editing and listing them. A serial number or
 * asset tag already in the register is refused, naming the device that has it, so one device is
 * never entered twice. Every change is appended to the audit chain in the same transaction.
 */
@Service
public class Devices {

    static final String SELECT = "SELECT * FROM device";

    private final JdbcClient jdbc;
    private final DeviceAudit audit;

    Devices(JdbcClient jdbc, DeviceAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every device, or those in one state, by asset tag then serial number. */
    public List<Device> list(DeviceState state) {
        String order = " ORDER BY asset_tag, serial_number, id";
        return state == null ? jdbc.sql(SELECT + order).query(Devices::map).list()
                : jdbc.sql(SELECT + " WHERE state = :state" + order).param("state", state.name()).query(Devices::map).list();
    }

    public Optional<Device> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Devices::map).optional();
    }

    public Device get(long id) {
        return find(id).orElseThrow(() -> new DeviceNotFoundException("There is no device " + id + "."));
    }

    /**
     * Enters a device.
     *
     * @throws DeviceException naming every problem, or a serial number or asset tag already in the register (conflict)
     */
    @Transactional
    public Device create(DeviceFields fields, String actor) {
        DeviceFields.Checked c = checked(fields);
        refuseDuplicates(c, null);
        return get(insert(c, actor));
    }

    /** Enters every device or none: used by the CSV import once every row has passed. */
    @Transactional
    List<Long> createAll(List<DeviceFields.Checked> devices, String actor) {
        List<Long> ids = new ArrayList<>();
        for (DeviceFields.Checked c : devices) {
            ids.add(insert(c, actor));
        }
        return ids;
    }

    /** Changes a device's details; its state may move only between the states chosen by hand. */
    @Transactional
    public Device update(long id, DeviceFields fields, String actor) {
        Device before = get(id);
        DeviceFields.Checked c = checked(fields);
        if (!before.state().chosenByHand() && c.state() != before.state()) {
            throw DeviceException.conflict("The device is " + before.state().label().toLowerCase(Locale.ROOT)
                    + ": its state changes through the loans register.");
        }
        DeviceState state = before.state().chosenByHand() ? c.state() : before.state();
        refuseDuplicates(c, id);
        jdbc.sql("UPDATE device SET device_type = :type, make = :make, model = :model, serial_number = :serial, "
                        + "serial_key = :key, asset_tag = :tag, location = :location, state = :state, updated_at = :now "
                        + "WHERE id = :id")
                .param("type", c.type().name()).param("make", c.make()).param("model", c.model())
                .param("serial", c.serialNumber()).param("key", c.serialKey()).param("tag", c.assetTag())
                .param("location", c.location()).param("state", state.name()).param("now", now()).param("id", id)
                .update();
        audit.append(actor, "device.updated", DeviceAudit.DEVICE, id, Map.of("state", state.name(),
                "serialKey", c.serialKey()));
        return get(id);
    }

    /** Sets the state the loans register decides (on loan, available again, lost, stolen). */
    void setState(long id, DeviceState state) {
        jdbc.sql("UPDATE device SET state = :state, updated_at = :now WHERE id = :id")
                .param("state", state.name()).param("now", now()).param("id", id).update();
    }

    /** The device, locked for the rest of the transaction, so two loans of it cannot be made at once. */
    Device lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(Devices::map).optional()
                .orElseThrow(() -> new DeviceNotFoundException("There is no device " + id + "."));
    }

    /** The ids of devices holding each of these serial keys and asset tags, for the import's checks. */
    Map<String, Long> holdersOf(List<String> serialKeys, List<String> assetTags) {
        Map<String, Long> holders = new HashMap<>();
        jdbc.sql("SELECT id, serial_key, asset_tag FROM device").query(rs -> {
            if (serialKeys.contains(rs.getString("serial_key"))) {
                holders.put("serial:" + rs.getString("serial_key"), rs.getLong("id"));
            }
            String tag = rs.getString("asset_tag");
            if (tag != null && assetTags.contains(tag)) {
                holders.put("tag:" + tag, rs.getLong("id"));
            }
        });
        return holders;
    }

    private DeviceFields.Checked checked(DeviceFields fields) {
        List<String> problems = new ArrayList<>();
        DeviceFields.Checked c = fields.check(problems);
        if (!problems.isEmpty()) {
            throw DeviceException.of(problems);
        }
        return c;
    }

    private void refuseDuplicates(DeviceFields.Checked c, Long self) {
        Optional<Device> serial = jdbc.sql(SELECT + " WHERE serial_key = :key").param("key", c.serialKey())
                .query(Devices::map).optional().filter(d -> self == null || d.id() != self);
        if (serial.isPresent()) {
            throw DeviceException.conflict("Serial number " + c.serialNumber() + " is already in the register, as "
                    + serial.get().label() + " (device " + serial.get().id() + ").");
        }
        if (c.assetTag() != null) {
            Optional<Device> tag = jdbc.sql(SELECT + " WHERE asset_tag = :tag").param("tag", c.assetTag())
                    .query(Devices::map).optional().filter(d -> self == null || d.id() != self);
            if (tag.isPresent()) {
                throw DeviceException.conflict("Asset tag " + c.assetTag() + " is already on device " + tag.get().id()
                        + " (serial number " + tag.get().serialNumber() + ").");
            }
        }
    }

    private long insert(DeviceFields.Checked c, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO device (device_type, make, model, serial_number, serial_key, asset_tag, location, state, "
                        + "created_by, created_at, updated_at) VALUES (:type, :make, :model, :serial, :key, :tag, "
                        + ":location, :state, :by, :now, :now)")
                .param("type", c.type().name()).param("make", c.make()).param("model", c.model())
                .param("serial", c.serialNumber()).param("key", c.serialKey()).param("tag", c.assetTag())
                .param("location", c.location()).param("state", c.state().name()).param("by", actor)
                .param("now", now).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", c.type().name());
        detail.put("serialKey", c.serialKey());
        detail.put("state", c.state().name());
        audit.append(actor, "device.entered", DeviceAudit.DEVICE, id, detail);
        return id;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static Device map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Device(rs.getLong("id"), DeviceType.valueOf(rs.getString("device_type")), rs.getString("make"),
                rs.getString("model"), rs.getString("serial_number"), rs.getString("asset_tag"),
                rs.getString("location"), DeviceState.valueOf(rs.getString("state")), rs.getString("created_by"),
                created.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime());
    }
}
