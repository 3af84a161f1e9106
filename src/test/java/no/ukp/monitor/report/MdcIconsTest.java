package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import no.ukp.monitor.spc.SpcChart.Assurance;
import no.ukp.monitor.spc.SpcChart.Direction;
import no.ukp.monitor.spc.SpcChart.Variation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The "Making Data Count" icons: well-formed SVG, one look per state, their words as text alternative. */
class MdcIconsTest {

    @Test
    void shouldDrawEveryVariationAndAssuranceDifferentlyAsWellFormedSvgWithItsWords() throws Exception {
        List<String> icons = new ArrayList<>();
        for (Variation variation : Variation.values()) {
            for (Direction direction : Direction.values()) {
                String icon = MdcIcons.variation(variation, direction, "Variasjon: " + variation + " " + direction);
                Element svg = parse(icon);
                assertThat(svg.getAttribute("aria-label")).isEqualTo("Variasjon: " + variation + " " + direction);
                assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(svg.getAttribute("aria-label"));
                icons.add(icon.replaceAll("<title>.*</title>|aria-label='[^']*'", ""));
            }
        }
        for (Assurance assurance : Assurance.values()) {
            String icon = MdcIcons.assurance(assurance, "Måloppnåelse: " + assurance);
            assertThat(parse(icon).getAttribute("aria-label")).isEqualTo("Måloppnåelse: " + assurance);
            icons.add(icon.replaceAll("<title>.*</title>|aria-label='[^']*'", ""));
        }

        // common cause looks the same either way; a special cause is H or L whichever way is good
        assertThat(icons.get(0)).isEqualTo(icons.get(1));
        assertThat(icons.subList(1, icons.size())).doesNotHaveDuplicates();
        assertThat(icons.subList(2, 6)).allMatch(i -> i.contains(">H</text>") || i.contains(">L</text>"));
    }

    @Test
    void shouldUseTheMdcColoursAndLettersOfEachState() {
        assertThat(MdcIcons.variation(Variation.COMMON_CAUSE, Direction.AT_MOST, "x")).contains(MdcIcons.GREY)
                .doesNotContain(MdcIcons.BLUE, MdcIcons.ORANGE, "<text");
        // fewer days is better: an improvement lies low, a concern high
        assertThat(MdcIcons.variation(Variation.SPECIAL_CAUSE_IMPROVEMENT, Direction.AT_MOST, "x"))
                .contains(MdcIcons.BLUE, ">L</text>").doesNotContain(MdcIcons.ORANGE);
        assertThat(MdcIcons.variation(Variation.SPECIAL_CAUSE_CONCERN, Direction.AT_MOST, "x"))
                .contains(MdcIcons.ORANGE, ">H</text>").doesNotContain(MdcIcons.BLUE);
        assertThat(MdcIcons.variation(Variation.SPECIAL_CAUSE_IMPROVEMENT, Direction.AT_LEAST, "x")).contains(">H</text>");
        assertThat(MdcIcons.assurance(Assurance.CONSISTENT_PASS, "x")).contains(MdcIcons.BLUE, ">P</text>");
        assertThat(MdcIcons.assurance(Assurance.CONSISTENT_FAIL, "x")).contains(MdcIcons.ORANGE, ">F</text>");
        assertThat(MdcIcons.assurance(Assurance.INCONSISTENT, "x")).contains(">?</text>").doesNotContain(MdcIcons.BLUE, MdcIcons.ORANGE);
        assertThat(MdcIcons.variation(null, Direction.AT_MOST, "x")).isNull();
        assertThat(MdcIcons.assurance(null, "x")).isNull();
    }

    @Test
    void shouldEscapeItsWords() throws Exception {
        assertThat(parse(MdcIcons.assurance(Assurance.INCONSISTENT, "a < b & 'c'")).getAttribute("aria-label"))
                .isEqualTo("a < b & 'c'");
    }

    private static Element parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return root;
    }
}
