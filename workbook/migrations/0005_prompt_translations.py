"""The workbook's statements and questions in Swedish and English (django-modeltranslation).

The Finnish texts move to the text_fi columns; the Swedish and English ones are given for the
texts this project started with, matched by their Finnish wording (a text an editor has since
changed keeps showing in Finnish until its translations are written in the admin).
"""

from django.db import migrations, models


# Finnish: (Swedish, English)
TRANSLATIONS = {
    # Statements (step 1)
    "Käytämme toistemme vahvuuksia: asiaa vie eteenpäin se, joka tuntee sen parhaiten.": (
        "Vi tar vara på varandras styrkor: den som kan saken bäst driver den framåt.",
        "We use each other's strengths: whoever knows a matter best takes it forward.",
    ),
    "Työn ääressä tehdyt havainnot vaikuttavat siihen, mitä päätämme.": (
        "Det vi ser i det praktiska arbetet påverkar det vi beslutar.",
        "What we notice in our everyday work shapes what we decide.",
    ),
    "Tiedämme, miksi työmme on tärkeää, ja puhumme siitä, mikä meitä siinä innostaa.": (
        "Vi vet varför vårt arbete är viktigt, och vi talar om vad som inspirerar oss i det.",
        "We know why our work matters, and we talk about what inspires us in it.",
    ),
    "Muutamme tapaamme tehdä työtä, kun tilanne tai asiakkaan tarve sitä vaatii.": (
        "Vi ändrar vårt sätt att arbeta när situationen eller kundens behov kräver det.",
        "We change the way we work when the situation or a customer's needs call for it.",
    ),
    "Pysähdymme säännöllisesti katsomaan yhdessä, miten työ sujuu ja mihin olemme menossa.": (
        "Vi stannar regelbundet upp för att tillsammans se hur arbetet går och vart vi är på väg.",
        "We regularly stop to look together at how the work is going and where we are heading.",
    ),
    "Kehitämme työtämme yhdessä asiakkaiden tai yhteistyökumppaneiden kanssa.": (
        "Vi utvecklar vårt arbete tillsammans med kunder eller samarbetspartner.",
        "We develop our work together with customers or partners.",
    ),
    "Kuuntelemme toisiamme loppuun ja kysymme ennen kuin teemme johtopäätöksiä.": (
        "Vi lyssnar på varandra till slut och frågar innan vi drar slutsatser.",
        "We hear each other out and ask before we draw conclusions.",
    ),
    "Uskallamme sanoa eriävän mielipiteen ääneen, ja siitä seuraa hyvää keskustelua.": (
        "Vi vågar säga en avvikande åsikt högt, och det leder till goda samtal.",
        "We dare to voice a different opinion, and good discussion follows.",
    ),
    "Käymme virheet läpi oppiaksemme emmekä etsi syyllisiä.": (
        "Vi går igenom misstag för att lära oss, inte för att hitta syndabockar.",
        "We go through mistakes to learn from them, not to find someone to blame.",
    ),
    "Kokeilemme rohkeasti uusia tapoja tehdä työtä.": (
        "Vi prövar modigt nya sätt att arbeta.",
        "We boldly try out new ways of working.",
    ),
    "Opimme muilta tiimeiltä ja organisaatioilta ja jaamme omat oppimme niille.": (
        "Vi lär oss av andra team och organisationer och delar med oss av det vi själva lärt oss.",
        "We learn from other teams and organisations and share what we have learned with them.",
    ),
    "Ratkomme isoja haasteita yhdessä yli tiimi- ja yksikkörajojen.": (
        "Vi löser stora utmaningar tillsammans över gränserna mellan team och enheter.",
        "We tackle big challenges together across the boundaries of teams and units.",
    ),
    # Reflection questions (step 2)
    "Missä asioissa haluaisimme päättää enemmän itse?": (
        "I vilka frågor skulle vi vilja bestämma mer själva?",
        "In which matters would we like to decide more ourselves?",
    ),
    "Kenen osaamista käytämme tiimissä liian vähän?": (
        "Vems kunnande tar vi för lite vara på i teamet?",
        "Whose skills do we make too little use of in the team?",
    ),
    "Miten asiakastyön kokemus saadaan päätösten pohjaksi?": (
        "Hur kan erfarenheten från kundarbetet bli en grund för besluten?",
        "How can experience from working with customers become a basis for decisions?",
    ),
    "Miksi teemme tätä työtä – kenelle se on tärkeää?": (
        "Varför gör vi det här arbetet – för vem är det viktigt?",
        "Why do we do this work – who is it important to?",
    ),
    "Mikä työssämme innostaa meitä juuri nyt?": (
        "Vad i vårt arbete inspirerar oss just nu?",
        "What in our work inspires us right now?",
    ),
    "Mikä rakenne tai rutiini on alkanut haitata työn tarkoitusta?": (
        "Vilken struktur eller rutin har börjat stå i vägen för arbetets syfte?",
        "Which structure or routine has started to get in the way of the purpose of our work?",
    ),
    "Milloin viimeksi pysähdyimme yhdessä katsomaan, miten työ sujuu?": (
        "När stannade vi senast upp tillsammans för att se hur arbetet går?",
        "When did we last stop together to look at how the work is going?",
    ),
    "Mitä asiakkaamme tai yhteistyökumppanimme sanoisivat työstämme?": (
        "Vad skulle våra kunder eller samarbetspartner säga om vårt arbete?",
        "What would our customers or partners say about our work?",
    ),
    "Mistä tiedämme, että olemme menossa oikeaan suuntaan?": (
        "Hur vet vi att vi är på väg åt rätt håll?",
        "How do we know we are heading in the right direction?",
    ),
    "Missä tilanteissa meillä on helppo sanoa oma mielipiteensä? Entä missä vaikeaa?": (
        "I vilka situationer är det lätt för oss att säga vad vi tycker? Och när är det svårt?",
        "In which situations is it easy for us to say what we think? And when is it hard?",
    ),
    "Miten voisimme kuunnella toisiamme paremmin?": (
        "Hur kunde vi lyssna bättre på varandra?",
        "How could we listen to each other better?",
    ),
    "Mistä meidän pitäisi puhua, mutta emme ole puhuneet?": (
        "Vad borde vi tala om, men har inte gjort?",
        "What should we talk about, but have not?",
    ),
    "Mitä meidän pitää oppia nyt, jotta työ sujuu myös ensi vuonna?": (
        "Vad behöver vi lära oss nu för att arbetet ska fungera också nästa år?",
        "What do we need to learn now so that the work goes well next year too?",
    ),
    "Mitä opimme viimeisimmästä virheestämme tai onnistumisestamme?": (
        "Vad lärde vi oss av vårt senaste misstag eller vår senaste framgång?",
        "What did we learn from our latest mistake or success?",
    ),
    "Miten teemme oppimiselle tilaa tavallisena työpäivänä?": (
        "Hur ger vi lärandet utrymme en vanlig arbetsdag?",
        "How do we make room for learning on an ordinary working day?",
    ),
    "Keneltä muualta voisimme oppia?": (
        "Vem annanstans kunde vi lära oss av?",
        "Who else could we learn from?",
    ),
    "Mitä meillä on annettavaa muille?": (
        "Vad har vi att ge andra?",
        "What do we have to offer others?",
    ),
    "Minkä haasteen ratkaisemiseen tarvitsemme muitakin kuin oman tiimimme?": (
        "Vilken utmaning behöver vi fler än vårt eget team för att lösa?",
        "Which challenge do we need more than our own team to solve?",
    ),
}


def translate_prompts(apps, schema_editor):
    for name in ("Statement", "ReflectionQuestion"):
        for prompt in apps.get_model("workbook", name).objects.all():
            prompt.text_fi = prompt.text
            prompt.text_sv, prompt.text_en = TRANSLATIONS.get(prompt.text, (None, None))
            prompt.save()


class Migration(migrations.Migration):
    dependencies = [
        ("workbook", "0004_prompt_base"),
    ]

    operations = [
        migrations.AddField(
            model_name="reflectionquestion",
            name="text_en",
            field=models.CharField(max_length=300, null=True, verbose_name="kysymys"),
        ),
        migrations.AddField(
            model_name="reflectionquestion",
            name="text_fi",
            field=models.CharField(max_length=300, null=True, verbose_name="kysymys"),
        ),
        migrations.AddField(
            model_name="reflectionquestion",
            name="text_sv",
            field=models.CharField(max_length=300, null=True, verbose_name="kysymys"),
        ),
        migrations.AddField(
            model_name="statement",
            name="text_en",
            field=models.CharField(max_length=300, null=True, verbose_name="väite"),
        ),
        migrations.AddField(
            model_name="statement",
            name="text_fi",
            field=models.CharField(max_length=300, null=True, verbose_name="väite"),
        ),
        migrations.AddField(
            model_name="statement",
            name="text_sv",
            field=models.CharField(max_length=300, null=True, verbose_name="väite"),
        ),
        migrations.RunPython(translate_prompts, migrations.RunPython.noop),
    ]
