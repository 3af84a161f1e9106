package no.ukp.monitor.reference;

import static org.assertj.core.api.Assertions.assertThat;

import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@DatabaseTest
class ReferenceControllerTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldListTheSixRegionsWithTheirMunicipalities() {
        Region[] regions = TestUsers.as(rest, "viewer").getForObject("/api/v1/regions", Region[].class);
        assertThat(regions).extracting(Region::id).containsExactly(
                "trondheim", "trondheimsomradet", "trondelag-sor-vest", "fjellregionen", "fosenregionen", "vaernesregionen");
        assertThat(regions[0].municipalities()).containsExactly("5001");
        assertThat(regions[1].name()).isEqualTo("Trondheimsområdet");
        assertThat(regions).flatExtracting(Region::municipalities).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void shouldListTheTwentyMunicipalitiesWithNorwegianNames() {
        Municipality[] municipalities = TestUsers.as(rest, "viewer").getForObject("/api/v1/municipalities", Municipality[].class);
        assertThat(municipalities).hasSize(20);
        assertThat(municipalities).contains(
                new Municipality("5001", "Trondheim", "trondheim", "2000-01"),
                new Municipality("5014", "Frøya", "trondelag-sor-vest", "2000-01"),
                new Municipality("5026", "Holtålen", "fjellregionen", "2000-01"),
                new Municipality("5057", "Ørland", "fosenregionen", "2000-01"),
                new Municipality("5058", "Åfjord", "fosenregionen", "2000-01"),
                new Municipality("5033", "Tydal", "vaernesregionen", "2000-01"));
    }
}
