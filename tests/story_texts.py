"""Real text for tests about copies and stories, and a corpus of copies made from it.

``SOURCES`` are real articles: the seed article's text and paragraphs of six news pages of
/work/shared/corpora/web-pages (Apache-2.0, from the trafilatura project's test cache),
copied here so tests never read outside the repository or download anything.
``copies_corpus(folder)`` writes a small corpus with ``benchmarks/copy_generator.py``: originals
from these texts, one copy for each kind of change (and a few combinations), follow-ups that
quote a paragraph, and templated reports, with its ``Truth``.
"""

from pathlib import Path

from benchmarks.copy_generator import KINDS, Truth, generate
from catalog.importing.article_text import parse_article
from tests.helpers import SEED_FILE

#: Paragraphs of real news pages, one tuple per page.
WEB_PAGES = {
    # reuters.com (Screen Actors Guild awards, January 2020)
    "reuters.com.parasite": (
        "LOS ANGELES (Reuters) - South Korean thriller “Parasite” was the upset winner at the Screen Actors Guild (SAG) awards on Sunday, while Joaquin Phoenix and Renee Zellweger were named best actors, cementing their roles as frontrunners at the Oscars next month.",
        "“Parasite,” the Korean language social satire about the wealth gap in South Korea, was the first film in a foreign language to win the top prize of best cast ensemble in the 26 year-history of the SAG awards.",
        "The SAG awards, which focus entirely on performances, are closely watched as an indicator of Oscar success because actors form the largest voting group in the Academy of Motion Picture Arts and Sciences.",
        "Brad Pitt picked up another trophy for his supporting role as a charming stunt man in “Once Upon A Time in Hollywood,” while Laura Dern was named best supporting actress for playing a ruthless divorce lawyer in Netflix domestic drama “Marriage Story.”",
        "“It was a difficult part,” quipped Pitt of his role. “A guy who gets high, takes his shirt off and doesn’t get on with his wife. It was a big stretch,” he said to laughter, riffing on his own life as a twice-divorced Hollywood heartthrob.",
        "In television, Jennifer Aniston was an upset winner for her role as a TV anchor in “The Morning Show,” bringing the second award this year for the new Apple TV+ streaming service. Her co-star Billy Crudup won a Critics Choice award last week.",
        "Comedy “The Marvelous Mrs Maisel” and British royal drama “The Crown” took the prizes for their TV ensemble casts. But “Mrs Maisel” actress Alex Borstein said the comedy prize should have gone to quirky British comedy “Fleabag.”",
    ),
    # salon.com, first published by Grist (U.S. emissions in 2019)
    "salon.com.emissions": (
        "Just a week into the new year, and the first estimate of how much planet-cooking pollution the United States belched into the atmosphere last year is already in. It’s not the kind of report card you’d be proud to show your parents, but at least it won’t leave you in tears.",
        "Perhaps surprisingly, total emissions fell 2 percent compared with the year before, according to the Rhodium Group, a research firm that frequently crunches climate numbers. The reason for that decline? The U.S. is burning less coal. That’s been driving down emissions from electricity generation. But the way we get around, heat our homes, and manufacture our stuff, hasn’t had much of an effect.",
        "“It’s a good-news bad-news story,” said Trevor Houser, a partner at Rhodium and author of the report. “In the electricity sector we had a banner year — we had the largest decline in coal generation in recorded history. But in the other 75 percent of the economy, emissions remain stubbornly flat.”",
        "Coal has been in a slow-motion death spiral over the past ten years. The country now generates half as much coal-fired electricity as it did in 2009. And that trend continued through last year, as coal generation slid 18 percent.",
        "Surging natural gas was the biggest reason for coal’s demise. Gas comes with its own problems for the climate– burning it releases carbon, and leaks release methane — but replacing coal with gas led to a decline in globe-warming gases, Houser said. Renewable energy from hydroelectricity, solar power, and wind turbines, increased 6 percent in 2019. So despite President Donald Trump’s vows to resurrect coal, it’s still sliding into history.",
        "Cleaning up the electrical grid is a great first step to cleaning up other sectors. With enough low-carbon electricity, more people could drive electric cars and ride electric trains. Builders could start installing electric heat pumps rather than gas furnaces in houses. “But that’s not going to happen on its own,” Hauser said.",
        "Nudging people toward clean electricity requires policy: Efficiency standards, building codes, incentives, and taxes. Some state and local governments are making these changes, but at the federal level, the Trump administration is doing its best to stop them. As a result, the country’s energy use seems to have its own laws of motion. It takes a lot of work to change direction, but it’s relatively easy to let things keep running as normal. You can see that in coal’s continued slide, as well as in the status quo in emissions from factories, cars, and buildings.",
    ),
    # theguardian.com (casual contracts at UK universities)
    "theguardian.com.academics": (
        "The report by the University and College Union claims institutions have created a pool of low-paid staff to teach undergraduates, conduct research and work in libraries, despite having advanced postgraduate or other academic qualifications.",
        "It calls on the Office for Students, the higher education regulator in England, to require each university to publish figures showing their use of casual teaching staff, and and for research councils to insist their grant-holders employ staff on improved contracts.",
        "One academic told the authors how she had been plunged into a six-month teaching contract without an interview or training, and told to simply read out notes the previous lecturer had left, leaving students unhappy.",
        "Others reported supervisors unfairly demanding credit for research, despite having little involvement, and of being bullied or having to endure “abrasive and demeaning” managers. Staff on short-term contracts said they felt unable to defend themselves against the demands of managers or permanent colleagues.",
        "The report explores data showing that 67,000 research staff were on fixed-term contracts, making up two-thirds of the total research staff employed at universities, alongside 30,000 contracted teaching staff, many paid by the hour. A further 69,000 academic staff were on “atypical contracts” and so are not counted in the main staff record, while an estimated 6,500 were on zero-hours contracts.",
        "Read more “Our own analysis demonstrates both continued growth in the higher education workforce and that this growth is strongest in open-ended contracts, which increased by 21.9% whilst atypical contracts declined by 16.1% during the same period between 2011-12 and 2017-18.",
        "“The employment arrangements within autonomous universities are of course for institutional-level discussions and not for UCEA. Universities always want to ensure their colleagues, whatever contract they are on, feel that they are appropriately rewarded and supported to give of their best for students.”",
    ),
    # phys.org (a Neanderthal tool and birch tar)
    "phys.org.tool": (
        "The tool was found on Zandmotor beach near The Hague prior to the arrival of modern humans—carbon dating showed it to be approximately 50,000 years old. The researchers note that at the time the tool was created and used, the area where it was found was at the edges of the Neanderthal range, and still under the North Sea. Known as Doggerland, the area was icy tundra with very few trees. This suggests the Neanderthal were quite dedicated to making such tools. The researchers believe that the one they found could have been used for cutting plants or scraping animal skins as a means to stave off the cold. They note that spending so much time and effort to make such a tool, which was not used for hunting, suggests that birch tar was more widely used by the Neanderthal than has been thought. Most such examples would have decayed long ago—the tool found by the researchers survived only because it was at the bottom of the North Sea for most of its existence. Explore further",
    ),
    # vice.com (fires in the Amazon, August 2019)
    "vice.com.amazon": (
        "Earlier this month, Amazonas (the largest state in Brazil) declared a state of emergency over the rising number of forest fires, reported Euro News. Fire season in the Amazon is just beginning—it runs from August through October, with its peak coming in mid-September, and the smoke is already so bad that it can be seen from space",
        "Last week, NASA released satellite images showing the patchwork of fires and smoke in Brazil. Citing the Global Fire Emissions Database, NASA noted that though current fire levels are slightly below average compared to the last 15 years, they are higher in some states, such as Amazonas and Rondônia.",
        "“The state of Amazonas, in particular, has seen well above average daily fire activity through August so far,” said Mark Parrington, a senior scientist working on wildfire emissions at the European Center for Medium-Range Weather Forecasts.",
        "According to Parrington, fires in the Amazon release an average of 500-600 metric tons of carbon dioxide over the course of a typical year. In 2019 so far, they’ve already released 200 metric tons of the greenhouse gas. According to the Global Fire Emissions Database, 8,668 fires have been detected in Amazonas as of Monday. That exceeds the past few years, and falls just short of the 2016 high of 8,836.",
        "Satellite imagery has tracked the movement of the smoke, which completely filled the air in São Paulo. Gustavo Faleiros, an editor at the environmental news group InfoAmazonia, said in an email that the air quality was even worse in the countryside than in the city.",
        "“Countryside residents started complaining about the wildfire smoke, because the air used to be clean there and now the city is full of smoke and ashes,” Alberto Shiguematsu, a São Paulo resident who tweeted about the smoke, said.",
        "According to Shiguematsu, the sky went “really dark” around 3:15 PM yesterday. He said that in his ten years of living in São Paulo, he’s never seen wildfire smoke like that. He’d read that there were fires in the Amazon, but didn’t think he’d be affected.",
        "The news of these fires comes amidst reports of increased deforestation under far-right president Jair Bolsonaro, which has prompted protests at home and international concern. While the smoke from the fires threatens the health of those living nearby, more fires represent an added stressor for the Amazon rainforest as a whole.",
        "The humidity of the Amazon has, in the past, protected it against massive fires, but drought, deforestation, and agriculture could make fires so common that they would completely alter the landscape, a 2014 study warned. According to a blog post for InfoAmazonia, Brazil’s National Institute for Space Research predicts that rainfall in the central and northern Amazon will be 40 to 50 percent below normal in the next three months.",
        "“There is a direct relationship between increased burning and the growth of deforestation,” Faleiros wrote in the blog post. “Among the 10 municipalities that recorded the largest burnings in 2019, seven are also on the list of municipalities with the highest number of deforestation warnings.”",
    ),
    # dw.com (Berlin renames colonial street names)
    "dw.com.colonial": (
        'In January, the German capital is launching a new five-year project named "Postcolonial Remembrance in the City" to reframe its postcolonial past, coinciding with the renaming of two streets and a square in the district of Wedding.',
        'The project, co-organized by the Berlin City Museum and three NGOs, will involve five years of events and exhibitions across the city, as well as an annual festival dedicated to "decolonial perspectives" and an online map marking points of interest around the city.',
        '"Migration is now being seen in connection with postcolonial history," ISD spokesman Tahir Della told DW. "The former colony countries never really became independent. There are still dependent relationships between the global north and the global south that have their origin in the colonization projects, and which have led to consequences like migration."',
        "The renaming of three streets in Wedding — Petersallee, Nachtigalplatz, and Lüderitzstrasse — has been a major issue for the ISD and other organizations in the last several years, with local authorities making the decision to look for new names in 2016. The move has not been without controversy: some 500 local residents filed complaints against the name changes, delaying the process.",
        "All three places now being renamed are in Wedding's so-called African Quarter, where 25 streets and squares have associations with Africa: some are simply named after countries and cities, though others, including the three above, are named after German colonial officials who were instrumental in driving Germany's colonization of East Africa in the 1880s and 1890s, often with military force.",
        'Under Chancellor Otto von Bismarck, Germany\'s colonial empire was established on territories in present-day Namibia, Cameroon, Togo, parts of Tanzania and Kenya. Emperor Wilhelm II, crowned in 1888, sought to further expand colonial possessions by establishing new fleets (picture). The German Empire wanted its "place in the sun," declared a later chancellor, Bernhard von Bülow, in 1897.',
    ),
}


def seed_text() -> str:
    """The seed article's body (its header taken off)."""
    return parse_article(SEED_FILE.read_text(encoding="utf-8")).body


#: Real articles to build originals from: the seed article and the six pages.
SOURCES = (seed_text(), *("\n\n".join(paragraphs) for paragraphs in WEB_PAGES.values()))

#: The changes of the small corpus's copies: each kind alone, then a few together.
COPY_PLANS = (
    *((kind,) for kind in KINDS),
    ("wrapping", "footer", "undated"),
    ("lead-in", "words", "quotes"),
    ("excerpt", "byline"),
    ("drop-last", "related", "headline"),
    ("excerpt", "lead-in", "footer"),
    ("undated", "quotes", "whitespace"),
    ("byline", "related", "words"),
    ("headline", "wrapping", "drop-last"),
    ("footer", "lead-in", "related"),
    ("excerpt", "undated", "words"),
)


def copies_corpus(folder: Path, seed: int = 7) -> Truth:
    """A corpus of about 36 files under ``folder``: 4 originals from ``SOURCES`` and one copy per
    plan of ``COPY_PLANS``, 2 follow-ups and 2-3 pairs or triples of templated reports."""
    return generate(
        folder,
        4,
        seed,
        sources=SOURCES,
        paragraphs=(4, 5),
        copy_plans=COPY_PLANS,
        follow_ups=2,
        templated_share=0.2,
    )
