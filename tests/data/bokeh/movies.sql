-- The schema of bokeh_sampledata/_data/movies.db, with a few invented films.
-- Tests build the database from this script: a text file reviews better than a binary one.
CREATE TABLE "omdb" ("ID" INTEGER, "imdbID" TEXT, "Title" TEXT, "Year" INTEGER, "Rating" TEXT, "Runtime" REAL, "Genre" TEXT, "Released" TEXT, "Director" TEXT, "Writer" TEXT, "Cast" TEXT, "Metacritic" INTEGER, "imdbRating" REAL, "imdbVotes" INTEGER, "Language" TEXT, "Country" TEXT, "Awards" TEXT, "lastUpdated" TEXT, "Oscars" INTEGER);
CREATE TABLE "tomatoes" ("ID" INTEGER, "Image" TEXT, "Rating" REAL, "Meter" INTEGER, "Reviews" INTEGER, "Fresh" INTEGER, "Rotten" INTEGER, "Consensus" TEXT, "userMeter" INTEGER, "userRating" REAL, "userReviews" INTEGER, "DVD" TEXT, "BoxOffice" REAL, "Production" TEXT, "Website" TEXT, "lastUpdated" TEXT);
CREATE INDEX "omdb_ID" on "omdb" ("ID");
CREATE INDEX "tomatoes_ID" on "tomatoes" ("ID");

INSERT INTO omdb VALUES (1201, 'tt9000001', 'The Cartographer''s Son', 1987, 'PG', 112.0, 'Drama, Adventure', '1987-10-09', 'Agnes Holm', 'Agnes Holm, Peter Lund', 'Britt Sand, Erik Vang, Jonas Berg', 71, NULL, NULL, 'Swedish', 'Sweden, Norway', 'Won 2 Oscars. Nominated for 5 Oscars.', '2026-10-18', 2);
INSERT INTO omdb VALUES (1305, 'tt9000002', 'Harbour Lights', 1952, NULL, 94.0, 'Romance', '1952-01-01', 'Milo Grant', 'June Avery', 'Clara Moss, Frank Dale', NULL, NULL, NULL, 'English', 'United Kingdom', 'Nominated for 1 Oscar.', '2026-10-18', 0);
INSERT INTO omdb VALUES (1422, 'tt9000003', 'Quiet Engine', 2009, 'R', NULL, '', '2009-04-17', 'Ravi Menon, Lise Aubert', '', '', NULL, NULL, NULL, 'English', 'United States', NULL, '2026-10-18', 0);

INSERT INTO tomatoes VALUES (1201, NULL, 7.8, 88, 40, 35, 5, NULL, NULL, NULL, NULL, NULL, 12500000.0, 'Nordlys Film, Fjord Pictures', NULL, '2026-10-18');
INSERT INTO tomatoes VALUES (1305, NULL, 6.0, 60, 10, 6, 4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-10-18');
INSERT INTO tomatoes VALUES (1422, NULL, 5.5, 52, 21, 11, 10, NULL, NULL, NULL, NULL, NULL, NULL, 'Tinplate Pictures', NULL, '2026-10-18');
