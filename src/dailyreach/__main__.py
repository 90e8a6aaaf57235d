from dailyreach.cli import main

main()
