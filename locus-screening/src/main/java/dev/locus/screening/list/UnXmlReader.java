package dev.locus.screening.list;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST} of {@code INDIVIDUAL}
 * and {@code ENTITY} elements). Entry id: {@code REFERENCE_NUMBER}; publication date: the root's
 * {@code dateGenerated}. Read with StAX, external entities off.
 */
public final class UnXmlReader {
    public static final String SOURCE = "UN";

    private UnXmlReader() {}

    /** A small element tree for one entry, with the line it starts on. */
    private record Node(String name, StringBuilder text, List<Node> children, int line) {
        Stream<Node> all(String child) {
            return children.stream().filter(c -> c.name.equals(child));
        }

        String value(String child) {
            return all(child).findFirst().map(n -> n.text.toString().trim()).orElse("");
        }
    }

    /** @throws ListFormatException naming file, line and field for a malformed file */
    public static ListVersion read(String fileName, byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<ListEntry> entries = new ArrayList<>();
        Optional<LocalDate> published = Optional.empty();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            boolean sawRoot = false;
            List<Node> stack = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!sawRoot) {
                        if (!name.equals("CONSOLIDATED_LIST")) {
                            throw new ListFormatException(
                                    fileName,
                                    xml.getLocation().getLineNumber(),
                                    "root element: expected CONSOLIDATED_LIST, got " + name);
                        }
                        sawRoot = true;
                        String generated = xml.getAttributeValue(null, "dateGenerated");
                        if (generated != null && generated.length() >= 10) {
                            published = Optional.of(LocalDate.parse(generated.substring(0, 10)));
                        }
                        continue;
                    }
                    if (stack.isEmpty() && !name.equals("INDIVIDUAL") && !name.equals("ENTITY")) {
                        continue;
                    }
                    Node n = new Node(
                            name,
                            new StringBuilder(),
                            new ArrayList<>(),
                            xml.getLocation().getLineNumber());
                    if (!stack.isEmpty()) {
                        stack.getLast().children.add(n);
                    }
                    stack.add(n);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        stack.getLast().text.append(xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && !stack.isEmpty()) {
                    Node done = stack.removeLast();
                    if (stack.isEmpty()) {
                        entries.add(entry(fileName, done));
                    }
                }
            }
            if (!sawRoot) {
                throw new ListFormatException(fileName, 1, "root element: missing CONSOLIDATED_LIST");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ListFormatException(fileName, line, "XML: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a byte-array reader cannot lose data
                }
            }
        }
        return new ListVersion(SOURCE, published, ListFiles.sha256(bytes), entries);
    }

    private static ListEntry entry(String file, Node n) {
        String ref = n.value("REFERENCE_NUMBER");
        if (ref.isEmpty()) {
            throw new ListFormatException(file, n.line, "field REFERENCE_NUMBER: missing in " + n.name);
        }
        boolean person = n.name.equals("INDIVIDUAL");
        String primary = String.join(
                " ",
                Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
                        .map(n::value)
                        .filter(s -> !s.isEmpty())
                        .toList());
        if (primary.isEmpty()) {
            throw new ListFormatException(file, n.line, "field FIRST_NAME: empty in " + ref);
        }
        List<ListName> names = new ArrayList<>();
        names.add(new ListName(primary, NameKind.PRIMARY));
        String original = n.value("NAME_ORIGINAL_SCRIPT");
        if (!original.isEmpty()) {
            names.add(new ListName(original, NameKind.ORIGINAL_SCRIPT));
        }
        n.all(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS").forEach(a -> {
            String alias = a.value("ALIAS_NAME");
            if (!alias.isEmpty()) {
                String quality = a.value("QUALITY").toLowerCase(java.util.Locale.ROOT);
                names.add(new ListName(alias, quality.equals("low") ? NameKind.WEAK_ALIAS : NameKind.STRONG_ALIAS));
            }
        });
        List<PartialDate> dobs = new ArrayList<>();
        n.all("INDIVIDUAL_DATE_OF_BIRTH").forEach(d -> {
            PartialDate.parse(d.value("DATE")).ifPresent(dobs::add);
            PartialDate.parse(d.value("YEAR")).ifPresent(dobs::add);
            Optional<PartialDate> from = PartialDate.parse(d.value("FROM_YEAR"));
            Optional<PartialDate> to = PartialDate.parse(d.value("TO_YEAR"));
            if (from.isPresent()
                    && to.isPresent()
                    && to.get().year() - from.get().year() <= 20) {
                for (int y = from.get().year(); y <= to.get().year(); y++) {
                    dobs.add(new PartialDate(y, 0, 0));
                }
            }
        });
        Set<String> countries = new LinkedHashSet<>();
        n.all("NATIONALITY")
                .forEach(nat -> nat.all("VALUE")
                        .forEach(v -> Countries.toIso2(v.text.toString().trim()).ifPresent(countries::add)));
        List<String> addresses = new ArrayList<>();
        n.all(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS").forEach(a -> {
            String text = String.join(
                    ", ",
                    Stream.of("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
                            .map(a::value)
                            .filter(s -> !s.isEmpty())
                            .toList());
            if (!text.isEmpty()) {
                addresses.add(text);
            }
            Countries.toIso2(a.value("COUNTRY")).ifPresent(countries::add);
        });
        List<String> ids = new ArrayList<>();
        n.all("INDIVIDUAL_DOCUMENT").forEach(d -> {
            String number = d.value("NUMBER");
            if (!number.isEmpty()) {
                ids.add(d.value("TYPE_OF_DOCUMENT") + " " + number);
            }
        });
        List<String> programs = new ArrayList<>();
        String listType = n.value("UN_LIST_TYPE");
        if (!listType.isEmpty()) {
            programs.add(listType);
        }
        return new ListEntry(
                SOURCE,
                ref,
                person ? EntryType.INDIVIDUAL : EntryType.ENTITY,
                names,
                dobs,
                countries,
                addresses,
                ids,
                programs);
    }
}
