package de.nrw.activation.reporting.report;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.Locale;

/** The SVG elements both charts draw, written through StAX (so every text is escaped), lengths with one decimal. */
final class Svg {

    private Svg() { }

    static void text(XMLStreamWriter svg, double x, double y, String content, String anchor, String size,
                     String weight, String cssClass) throws XMLStreamException {
        svg.writeStartElement("text");
        if (cssClass != null) {
            svg.writeAttribute("class", cssClass);
        }
        svg.writeAttribute("x", fmt(x));
        svg.writeAttribute("y", fmt(y));
        svg.writeAttribute("text-anchor", anchor);
        svg.writeAttribute("font-size", size);
        if (weight != null) {
            svg.writeAttribute("font-weight", weight);
        }
        svg.writeAttribute("fill", "#222222");
        svg.writeCharacters(content);
        svg.writeEndElement();
    }

    static void rect(XMLStreamWriter svg, double x, double y, double width, double height, String fill,
                     String cssClass) throws XMLStreamException {
        svg.writeEmptyElement("rect");
        if (cssClass != null) {
            svg.writeAttribute("class", cssClass);
        }
        svg.writeAttribute("x", fmt(x));
        svg.writeAttribute("y", fmt(y));
        svg.writeAttribute("width", fmt(width));
        svg.writeAttribute("height", fmt(height));
        svg.writeAttribute("fill", fill);
    }

    static void element(XMLStreamWriter svg, String name, String content) throws XMLStreamException {
        svg.writeStartElement(name);
        svg.writeCharacters(content);
        svg.writeEndElement();
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
