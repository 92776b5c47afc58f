"""What the demo company says: departments, people, spaces and the words they write.

Pure data, read by ``agora.demo.company`` (and, for its words, by the bulk seeder
``agora.demo.seed``): ``people`` (departments, customers, products, people),
``spaces``, the post templates of work spaces (``posts``) and of community spaces and
company-wide posts (``community``), posts with a fixed author and day (``dated``), and
``comments``. Post and comment texts are ``str.format`` templates whose ``{slots}`` the
seeders fill per post (see ``demo.posts.Slots``): ``customer``, ``customer2``,
``product``, ``version``, ``ticket``, ``n`` (2-9), ``num`` (10-99), ``big`` (100-999),
``pct``, ``amount``, ``week``, ``quarter``, ``qtag``, ``day``, ``city``, ``person`` and
``person2`` (@mentions of people who can read the post), ``author`` (the post author's first
name) and, in replies, ``to`` (the first name of the person replied to). Literal braces
must be doubled. No template mentions more than two people.

Every template is written once by the demo, so no two of its posts read alike; a
template's ``days_ago`` fixes its day (releases whose versions climb, a story told in
order), ``people`` names those who usually write it (the experts on its subject).
"""

from agora.demo.content.comments import (
    GENERIC_COMMENTS,
    KIND_COMMENTS,
    MOOD_COMMENTS,
    MOOD_MARKERS,
    REPLIES,
)
from agora.demo.content.community import COMMUNITY_POSTS, COMPANY_POSTS
from agora.demo.content.dated import DATED_POSTS, IMAGE_POSTS, DatedPost, ImagePost
from agora.demo.content.people import (
    CITIES,
    COMPANY,
    CS,
    CUSTOMERS,
    DEPARTMENTS,
    DOMAIN,
    ENG,
    FINANCE,
    LEGAL,
    MARKETING,
    OFFICIAL_VOICES,
    PEOPLE,
    PEOPLE_LIST,
    PERSONA_FOLLOWS,
    PERSONAS,
    PRODUCT,
    PRODUCTS,
    SALES,
    Person,
)
from agora.demo.content.posts import WORK_POSTS, PostTemplate
from agora.demo.content.spaces import SPACES, SpaceSpec

# Every space's post templates, by the space's name.
POSTS = {**WORK_POSTS, **COMMUNITY_POSTS}

__all__ = [
    "CITIES",
    "COMPANY",
    "COMPANY_POSTS",
    "CS",
    "CUSTOMERS",
    "DATED_POSTS",
    "DEPARTMENTS",
    "DOMAIN",
    "ENG",
    "FINANCE",
    "GENERIC_COMMENTS",
    "IMAGE_POSTS",
    "KIND_COMMENTS",
    "LEGAL",
    "MARKETING",
    "MOOD_COMMENTS",
    "MOOD_MARKERS",
    "OFFICIAL_VOICES",
    "PEOPLE",
    "PEOPLE_LIST",
    "PERSONAS",
    "PERSONA_FOLLOWS",
    "POSTS",
    "PRODUCT",
    "PRODUCTS",
    "REPLIES",
    "SALES",
    "SPACES",
    "DatedPost",
    "ImagePost",
    "Person",
    "PostTemplate",
    "SpaceSpec",
]
