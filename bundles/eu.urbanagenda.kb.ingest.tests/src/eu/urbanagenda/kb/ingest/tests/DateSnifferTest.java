package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.ingest.internal.DateSniffer;

/** The ways a publication date is written at the head of a text; the first date in the text wins. */
class DateSnifferTest {

    @Test
    void eachWayOfWritingADate() {
        assertEquals(LocalDate.of(2021, 10, 19), DateSniffer.findIn("Опубліковано 2021-10-19 о 12:00"));
        assertEquals(LocalDate.of(2021, 10, 19), DateSniffer.findIn("Дата: 19.10.2021"));
        assertEquals(LocalDate.of(2021, 10, 19), DateSniffer.findIn("Київ, 19 жовтня 2021 року"));
        assertEquals(LocalDate.of(2020, 11, 5), DateSniffer.findIn("Публикувано: 5 ноември, 2020"));
        assertEquals(LocalDate.of(2021, 10, 19), DateSniffer.findIn("Published October 19, 2021"));
    }

    @Test
    void theFirstDateInTheTextWinsWhateverItsWay() {
        assertEquals(LocalDate.of(2021, 3, 3), DateSniffer.findIn("Meeting on March 3, 2021; minutes of 2020-01-01"));
        assertEquals(LocalDate.of(2021, 10, 19), DateSniffer.findIn("19.10.2021, updated 2022-01-05"));
    }

    @Test
    void whatIsNoDateIsPassedOver() {
        assertNull(DateSniffer.findIn("19 Foobar 2021"));
        assertEquals(LocalDate.of(2021, 5, 4), DateSniffer.findIn("31.02.2021 or rather 4 May 2021"));
        assertNull(DateSniffer.findIn("Іван Франко народився 27 серпня 1856 року."));
    }
}
